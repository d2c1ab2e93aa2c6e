package io.awslabs.lab;

import io.awslabs.targets.EmulatorKind;

/**
 * A behaviour an emulator is known not to reproduce, declared by the lab whose assertion it
 * affects: the assertion, why, the emulator source that shows it, and the symptom by which an
 * outcome is recognised as this gap and reported SKIPPED instead of FAIL or ERROR.
 */
public record Gap(EmulatorKind emulator, String assertionId, Symptom symptom, String reason, String source) { }
