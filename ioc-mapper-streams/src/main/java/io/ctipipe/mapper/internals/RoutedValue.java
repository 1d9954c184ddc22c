package io.ctipipe.mapper.internals;

/** A value on its way to the IOC topic or, when {@code skipped}, to the skipped topic. */
public record RoutedValue(boolean skipped, byte[] bytes) {}
