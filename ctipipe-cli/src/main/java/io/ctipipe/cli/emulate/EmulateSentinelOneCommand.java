package io.ctipipe.cli.emulate;

import io.ctipipe.emulator.sentinelone.SentinelOneEmulator;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulatorOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code ctipipe emulate sentinelone}: the threat-intelligence IOC API on its own. */
@Command(
        name = "sentinelone",
        mixinStandardHelpOptions = true,
        description = {
            "Serve SentinelOne's /web/api/v2.1/threat-intelligence/iocs (POST, GET, DELETE)"
                    + " with validation and fault injection; GET /_emulator/iocs lists what it"
                    + " holds.",
            "Options after --port are the emulator's own, listed below."
        })
public final class EmulateSentinelOneCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--port",
            defaultValue = "8443",
            description = "Port (default 8443; 0 for a free one).")
    int port;

    @Unmatched List<String> emulatorOptions = new ArrayList<>();

    /** Puts the emulator's own option list (parsed by the emulator) in this command's help. */
    public static void describeEmulatorOptions(CommandLine root) {
        CommandLine self = root.getSubcommands().get("emulate").getSubcommands().get("sentinelone");
        String usage = withoutPort(SentinelOneEmulatorOptions.usage()).replace("%", "%%");
        self.getCommandSpec().usageMessage().footer("%nEmulator options:%n" + usage);
    }

    /** The emulator's own --port line states its library default (0); this command's is 8443. */
    static String withoutPort(String usage) {
        return usage.lines()
                .filter(line -> !line.stripLeading().startsWith("--port "))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    @Override
    public Integer call() throws Exception {
        List<String> args = new ArrayList<>(emulatorOptions);
        args.add("--port");
        args.add(Integer.toString(port));
        SentinelOneEmulatorOptions options =
                SentinelOneEmulatorOptions.parse(args.toArray(String[]::new));
        try (SentinelOneEmulator emulator = SentinelOneEmulator.start(options)) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("SentinelOne emulator at " + emulator.baseUrl());
            out.println("  SENTINELONE_URL=" + emulator.baseUrl());
            out.println("  SENTINELONE_API_KEY=" + emulator.apiToken());
            out.println("  SENTINELONE_ACCOUNT_ID=" + emulator.accountId());
            out.println("Ctrl-C stops it.");
            out.flush();
            new CountDownLatch(1).await();
        }
        return 0;
    }
}
