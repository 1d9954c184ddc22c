package io.ctipipe.sink.internals;

import java.util.List;

/**
 * What an upload cycle leaves to commit, in one transaction with the offsets.
 *
 * @param states the new state of every Indicator that changed
 * @param deadLetters the dead-letter records
 * @param applied commands applied whole
 * @param stale commands skipped as older than what was applied
 */
public record CycleOutcome(
        List<StateUpdate> states, List<DeadLetter> deadLetters, int applied, int stale) {}
