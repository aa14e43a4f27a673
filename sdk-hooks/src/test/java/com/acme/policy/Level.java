package com.acme.policy;

/** A bump level, as the release-tools {@code bump} tool takes it. */
public enum Level {
  MAJOR,
  MINOR,
  PATCH
}
