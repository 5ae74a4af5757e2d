package com.batchtrace.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs a piece of work in a transaction of its own, for the few places that must decide where a
 * transaction begins and ends themselves (a signature's password is checked between two).
 */
@ApplicationScoped
public class Transactions {

  /**
   * Runs {@code work} in a new transaction: committed when it returns, rolled back if it throws.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public <T> T inNewTransaction(Supplier<T> work) {
    return work.get();
  }
}
