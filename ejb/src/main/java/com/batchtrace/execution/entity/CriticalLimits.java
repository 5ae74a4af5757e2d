package com.batchtrace.execution.entity;

import java.math.BigDecimal;

/** The limits of a critical process parameter a step records from a machine tag. */
public record CriticalLimits(String name, BigDecimal low, BigDecimal high) {

  public boolean outside(double value) {
    return (low != null && value < low.doubleValue())
        || (high != null && value > high.doubleValue());
  }
}
