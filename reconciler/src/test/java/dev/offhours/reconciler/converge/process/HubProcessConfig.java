package dev.offhours.reconciler.converge.process;

import dev.offhours.reconciler.converge.ConvergenceSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one hub process needs to know, passed on its command line: where the shared state lives (DynamoDB and SQS
 * endpoints, table prefix, queue URL, the schedules repository) and how eagerly it converges. Separate endpoints for
 * the store and the queue let a caller put a cuttable proxy in front of either.
 *
 * @param tick        how often the loop runs besides the wake-ups at transitions
 * @param lease       how long a pass holds a schedule's intent; a restarted hub takes over once it ran out
 * @param resendAfter when still pending targets get their work item again (a lost or swallowed message)
 * @param pageSize    inventory items read per page; small pages make a pass take many steps
 * @param poll        how often the schedules repository is fetched
 */
public record HubProcessConfig(String owner, URI storeEndpoint, URI queueEndpoint, String region, String tablePrefix,
                               String queueUrl, Path repository, Path cloneDirectory, Duration tick, Duration lease,
                               Duration resendAfter, int pageSize, Duration poll, int sendConcurrency) {

    public ConvergenceSettings settings() {
        return new ConvergenceSettings(tick, lease, resendAfter, Duration.ofMinutes(5), Duration.ofMinutes(5),
                pageSize);
    }

    /** The same hub under another owner and clone folder: what a restart after a kill -9 looks like. */
    public HubProcessConfig restartedAs(String newOwner) {
        return new HubProcessConfig(newOwner, storeEndpoint, queueEndpoint, region, tablePrefix, queueUrl, repository,
                cloneDirectory.resolveSibling("clone-" + newOwner), tick, lease, resendAfter, pageSize, poll, sendConcurrency);
    }

    List<String> toArgs() {
        List<String> args = new ArrayList<>();
        add(args, "owner", owner);
        add(args, "store", storeEndpoint.toString());
        add(args, "queue", queueEndpoint.toString());
        add(args, "region", region);
        add(args, "tables", tablePrefix);
        add(args, "queue-url", queueUrl);
        add(args, "repository", repository.toString());
        add(args, "clone", cloneDirectory.toString());
        add(args, "tick-ms", Long.toString(tick.toMillis()));
        add(args, "lease-ms", Long.toString(lease.toMillis()));
        add(args, "resend-ms", Long.toString(resendAfter.toMillis()));
        add(args, "page", Integer.toString(pageSize));
        add(args, "poll-ms", Long.toString(poll.toMillis()));
        add(args, "send-concurrency", Integer.toString(sendConcurrency));
        return args;
    }

    static HubProcessConfig parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, found " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        return new HubProcessConfig(get(values, "owner"), URI.create(get(values, "store")),
                URI.create(get(values, "queue")), get(values, "region"), get(values, "tables"),
                get(values, "queue-url"), Path.of(get(values, "repository")), Path.of(get(values, "clone")),
                millis(values, "tick-ms"), millis(values, "lease-ms"), millis(values, "resend-ms"),
                Integer.parseInt(get(values, "page")), millis(values, "poll-ms"),
                Integer.parseInt(get(values, "send-concurrency")));
    }

    private static void add(List<String> args, String name, String value) {
        args.add("--" + name);
        args.add(value);
    }

    private static String get(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    private static Duration millis(Map<String, String> values, String name) {
        return Duration.ofMillis(Long.parseLong(get(values, name)));
    }
}
