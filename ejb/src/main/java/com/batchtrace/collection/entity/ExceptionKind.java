package com.batchtrace.collection.entity;

/** What an exception raised by machine data is about. */
public enum ExceptionKind {
  /** A critical process parameter outside its limits: one exception per excursion. */
  CPP_EXCURSION,
  /** A tag silent for longer than its expected interval while a step ran. */
  DATA_GAP,
  /** A scale or scanner charged a lot the batch may not use; the charge was refused. */
  LOT_REFUSED
}
