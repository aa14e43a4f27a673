package dev.codexplugin.processor;

import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.format.Place;

/**
 * Findings of one code at one place of a bundle: what the processor maps to a more precise origin, or leaves out
 * as a follow-on of a finding of its own.
 *
 * @param code the code
 * @param place the file and field, as the runtime's rules name them
 */
record CodePlace(FindingCode code, Place place) {}
