package com.acme.release;

/** Which part of a version a change bumps. */
public enum BumpLevel {
  /** A breaking change: 1.4.2 becomes 2.0.0. */
  MAJOR,
  /** A backwards-compatible feature: 1.4.2 becomes 1.5.0. */
  MINOR,
  /** A backwards-compatible fix: 1.4.2 becomes 1.4.3. */
  PATCH
}
