package io.ctipipe.sink.internals;

import java.util.List;

/**
 * Why a command goes to the dead-letter topic.
 *
 * @param errorClass {@code undecodable}, {@code rejected} or {@code exhausted}
 * @param message a one-line explanation without secrets
 * @param result the call that failed, or null (undecodable records made no call)
 * @param rejectedIocs the command's IOCs SentinelOne rejected ({@code TYPE:value}), may be empty
 */
public record DeadLetterReason(
        String errorClass, String message, CallResult<?> result, List<String> rejectedIocs) {
    public static final String UNDECODABLE = "undecodable";
    public static final String REJECTED = "rejected";
    public static final String EXHAUSTED = "exhausted";

    public DeadLetterReason {
        rejectedIocs = List.copyOf(rejectedIocs);
    }
}
