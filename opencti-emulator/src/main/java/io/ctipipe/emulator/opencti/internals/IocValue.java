package io.ctipipe.emulator.opencti.internals;

/** An IOC a correct mapper derives from a pattern: SentinelOne type and normalised value. */
public record IocValue(String type, String value) {}
