package io.ctipipe.sink.internals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * Runs tasks on the HTTP pool (its size is {@code SINK_MAX_IN_FLIGHT}, so that many requests at
 * most are in flight) and waits for all of them. A fatal failure cancels the rest; once every task
 * has ended, the fatal failure (else the first one) is rethrown.
 */
final class Parallel {
    private final ExecutorService pool;

    Parallel(ExecutorService pool) {
        this.pool = pool;
    }

    void run(List<Runnable> tasks, Cancellation cancellation) {
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (Runnable task : tasks) {
            running.add(
                    CompletableFuture.runAsync(
                            () -> cancellation.runAsWorker(failFast(task, cancellation)), pool));
        }
        RuntimeException first = null;
        for (CompletableFuture<Void> future : running) {
            try {
                future.join();
            } catch (CompletionException e) {
                RuntimeException failure = unwrap(e);
                boolean fatal = failure instanceof FatalSinkException;
                if (first == null || fatal && !(first instanceof FatalSinkException)) {
                    first = failure;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static Runnable failFast(Runnable task, Cancellation cancellation) {
        return () -> {
            try {
                task.run();
            } catch (FatalSinkException e) {
                cancellation.cancel();
                throw e;
            }
        };
    }

    private static RuntimeException unwrap(CompletionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return e;
    }
}
