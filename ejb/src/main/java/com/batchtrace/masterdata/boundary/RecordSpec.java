package com.batchtrace.masterdata.boundary;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/** The content of a master batch record as a request carries it. */
public final class RecordSpec {

  private RecordSpec() {}

  /**
   * A step.
   *
   * @param operation the operation it belongs to (e.g. Granulation)
   * @param name what the step is called
   * @param instructions what the operator does
   * @param requiresVerification whether a second person verifies it
   * @param materials what it consumes
   * @param parameters what it records
   */
  public record Step(
      String operation,
      String name,
      String instructions,
      boolean requiresVerification,
      List<StepMaterial> materials,
      List<Parameter> parameters)
      implements Serializable {}

  /**
   * A material requirement.
   *
   * @param material the material's code
   * @param quantity how much, in the material's unit
   * @param tolerancePercent allowed deviation, in percent
   */
  public record StepMaterial(String material, BigDecimal quantity, BigDecimal tolerancePercent)
      implements Serializable {}

  /**
   * A parameter; with a tag it comes from the machine, without one it is entered by hand.
   *
   * @param name e.g. inlet temperature
   * @param tag the machine tag (UNS topic below the equipment), or null for a manual entry
   * @param unit e.g. °C
   * @param low lower limit, or null
   * @param high upper limit, or null
   * @param critical whether it is a critical process parameter (CPP)
   */
  public record Parameter(
      String name, String tag, String unit, BigDecimal low, BigDecimal high, boolean critical)
      implements Serializable {}
}
