package io.ctipipe.emulator.opencti;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A minimal SSE reader for tests: messages arrive in a queue filled by a reader thread. */
final class SseTestClient implements AutoCloseable {
    static final Message END = new Message("<end>", null, null);

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final Thread reader;

    private SseTestClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    record Message(String event, String id, String data) {}

    static HttpResponse<InputStream> open(String url, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        headers.forEach(request::header);
        return HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    static SseTestClient connect(OpenCtiEmulator emulator, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.putIfAbsent("Authorization", "Bearer " + emulator.token());
        return new SseTestClient(open(emulator.baseUrl() + path, all));
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    /** The next message, or END when the stream ended; fails after the timeout. */
    Message next() throws InterruptedException {
        Message message = messages.poll(10, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no message within 10 s");
        }
        return message;
    }

    /** Messages up to and including the first one matching, skipping nothing. */
    List<Message> until(Predicate<Message> last) throws InterruptedException {
        List<Message> seen = new ArrayList<>();
        Message message;
        do {
            message = next();
            seen.add(message);
        } while (!last.test(message) && message != END);
        return seen;
    }

    /** Data messages (not heartbeats) until n of them arrived. */
    List<Message> dataMessages(int count) throws InterruptedException {
        List<Message> data = new ArrayList<>();
        while (data.size() < count) {
            Message message = next();
            if (message == END) {
                throw new AssertionError("stream ended after " + data);
            }
            if (!message.event().equals("heartbeat") && !message.event().equals("connected")) {
                data.add(message);
            }
        }
        return data;
    }

    /** True when no data message arrives within the duration (heartbeats are ignored). */
    boolean quietFor(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Message message = left > 0 ? messages.poll(left, TimeUnit.NANOSECONDS) : null;
            if (message == null) {
                return true;
            }
            if (!message.event().equals("heartbeat") && !message.event().equals("connected")) {
                return false;
            }
        }
    }

    private void read() {
        try (BufferedReader lines =
                new BufferedReader(
                        new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = "message";
            String id = null;
            StringBuilder data = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        messages.add(new Message(event, id, data.toString()));
                    }
                    event = "message";
                    data = null;
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("data: ")) {
                    data = new StringBuilder(line.substring(6));
                }
            }
        } catch (IOException e) {
            messages.add(new Message("<error>", null, e.toString()));
        }
        messages.add(END);
    }

    @Override
    public void close() throws IOException {
        response.body().close();
        reader.interrupt();
    }
}
