package dev.offhours.bench;

import dev.offhours.api.OperationView;
import dev.offhours.api.OperationsApi;
import dev.offhours.api.PageView;
import dev.offhours.api.SchedulesApi;
import dev.offhours.api.StatusApi;
import dev.offhours.api.TargetsApi;
import dev.offhours.bench.fuzz.FuzzTarget;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.source.Problem;
import dev.offhours.core.source.RepositoryReadResult;
import dev.offhours.core.source.RepositoryReader;
import dev.offhours.core.source.SourceFile;
import dev.offhours.core.work.TargetKind;
import dev.offhours.reconciler.api.ApiConfig;
import dev.offhours.reconciler.api.ApiDependencies;
import dev.offhours.reconciler.api.HubApi;
import dev.offhours.reconciler.events.SpokeEventParser;
import dev.offhours.reconciler.events.UnparseableEventException;
import dev.offhours.reconciler.git.GitHubWebhookResource;
import dev.offhours.reconciler.git.WebhookSignature;
import dev.offhours.reconciler.repository.DirectoryRevisionReader;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four surfaces that take hostile input, ready to fuzz: the repository reader (one file of the template
 * repository at a time), the GitHub webhook, the event parser, and the status API's query parameters and cursors
 * (called as Jersey calls the endpoints, over an embedded store with the benchmark hub's records).
 */
public final class FuzzTargets implements AutoCloseable {

    private static final Instant NOW = Instant.parse("2026-03-25T09:00:00Z");
    private static final String SECRET = "fuzz-secret";

    private final Path directory;
    private final EmbeddedHubStore store;
    private final BenchHub hub;
    private final Map<Class<?>, Object> endpoints = new HashMap<>();
    private List<FuzzTarget> all;

    private FuzzTargets(Path directory) {
        this.directory = directory;
        this.store = EmbeddedHubStore.open(directory.resolve("hub.mv"), Clock.fixed(NOW, ZoneOffset.UTC));
        this.hub = new BenchHub(BenchHub.templateCatalog());
        hub.seedInventory(store, NOW);
        hub.seedOperations(store, NOW, 2_000);
        ApiConfig config = new ApiConfig();
        config.tokenSha256(List.of("0".repeat(64)));
        List<Object> components = HubApi.components(new ApiDependencies(() -> hub.catalog, store.control(),
                store.inventory(), store.operations(), store.operations(), Clock.fixed(NOW, ZoneOffset.UTC)), config);
        for (Object instance : components) {
            for (Class<?> api : List.of(OperationsApi.class, TargetsApi.class, SchedulesApi.class, StatusApi.class)) {
                if (api.isInstance(instance)) {
                    endpoints.put(api, instance);
                }
            }
        }
    }

    public static FuzzTargets open() throws IOException {
        return new FuzzTargets(Files.createTempDirectory("offhours-fuzz"));
    }

    /** Every surface, built once. */
    public synchronized List<FuzzTarget> all() {
        if (all == null) {
            all = List.of(reader(), webhook(), events(), api());
        }
        return all;
    }

    // --- the repository reader -------------------------------------------------------------------------------------

    /** Input: the path of one template file, a newline, and that file's (mutated) text. */
    public FuzzTarget reader() {
        Map<String, String> template = templateFiles();
        List<String> seeds = template.entrySet().stream().map(e -> e.getKey() + "\n" + e.getValue()).toList();
        RepositoryReader reader = new RepositoryReader();
        return target("reader", seeds, input -> {
            int newline = input.indexOf('\n');
            String path = newline < 0 ? "schedules/fuzz/x.yaml" : input.substring(0, newline);
            Map<String, String> files = new LinkedHashMap<>(template);
            files.put(path, newline < 0 ? input : input.substring(newline + 1));
            List<SourceFile> sources = new ArrayList<>();
            files.forEach((p, content) -> sources.add(new SourceFile(p, content)));
            RepositoryReadResult result = reader.read(sources);
            result.problems().forEach(Problem::toString);
            result.catalog().schedules().size();
        });
    }

    private static Map<String, String> templateFiles() {
        Path root = Files.isDirectory(Path.of("schedules-repo-template")) ? Path.of("schedules-repo-template")
                : Path.of("..", "schedules-repo-template");
        Map<String, String> files = new LinkedHashMap<>();
        new DirectoryRevisionReader().read(root).forEach(f -> files.put(f.path(), f.content()));
        return files;
    }

    // --- the webhook ---------------------------------------------------------------------------------------------

    /** Input: a request body; the event and whether it is signed follow from the body, so both paths are taken. */
    public FuzzTarget webhook() {
        WebhookSignature signature = new WebhookSignature(SECRET);
        GitHubWebhookResource resource = new GitHubWebhookResource(SECRET, "main", () -> { });
        List<String> seeds = List.of("{\"ref\":\"refs/heads/main\",\"after\":\"abc\"}", "{\"zen\":\"Keep it simple\"}",
                "{\"ref\":\"refs/heads/feature\",\"commits\":[{\"id\":\"1\"}]}", "", "[]", "{\"ref\":1}");
        String[] events = {"push", "ping", "pull_request", null};
        return target("webhook", seeds, input -> {
            byte[] body = input.getBytes(StandardCharsets.UTF_8);
            int h = input.hashCode();
            String header = (h & 12) != 0 ? signature.sign(body) : (h & 16) != 0 ? null : "sha256=" + input;
            try (Response response = resource.receive(header, events[h & 3], "fuzz-" + input,
                    (h & 32) != 0 ? input : null, new ByteArrayInputStream(body))) {
                if (response.getStatus() >= 500 || response.getEntity() == null) {
                    throw new AssertionError("webhook answered " + response.getStatus());
                }
            }
        });
    }

    // --- the event parser ------------------------------------------------------------------------------------------

    /** Input: an EventBridge envelope as SQS delivers it. */
    public FuzzTarget events() {
        SpokeEventParser parser = new SpokeEventParser("offhours-spoke");
        dev.offhours.simulator.Target asg = new dev.offhours.simulator.Target("111111111111", "eu-west-1",
                TargetKind.ASG, null, "web", "office-hours");
        dev.offhours.simulator.Target nodegroup = new dev.offhours.simulator.Target("111111111111", "eu-west-1",
                TargetKind.EKS_NODEGROUP, "main", "workers", "office-hours");
        dev.offhours.simulator.Capacity sizes = new dev.offhours.simulator.Capacity(1, 2, 3);
        SpokeEventJson.Caller offhours = new SpokeEventJson.Caller("offhours-spoke", "offhours-hub");
        List<String> seeds = List.of(
                SpokeEventJson.resize(asg, sizes, NOW, SpokeEventJson.Caller.OWNER),
                SpokeEventJson.resize(nodegroup, sizes, NOW, offhours),
                SpokeEventJson.setDesiredCapacity(asg, 0, NOW, offhours),
                SpokeEventJson.tag(nodegroup, Map.of("offhours.dev/schedule", "x"), NOW, SpokeEventJson.Caller.OWNER),
                SpokeEventJson.delete(asg, NOW, SpokeEventJson.Caller.OWNER),
                SpokeEventJson.instance(asg, true, NOW, "activity-1"));
        return target("events", seeds, input -> {
            try {
                parser.parse(input);
            } catch (UnparseableEventException e) {
                // the documented refusal: the message goes to the dead-letter queue with this reason
            }
        });
    }

    // --- the status API ------------------------------------------------------------------------------------------

    /**
     * Input: {@code endpoint?name=value&...} as Jersey hands the raw query values over; a value starting with
     * {@code ~} is Base64-encoded first, so mutations reach inside cursors, not only their encoding.
     */
    public FuzzTarget api() {
        OperationsApi operations = (OperationsApi) endpoints.get(OperationsApi.class);
        TargetsApi targets = (TargetsApi) endpoints.get(TargetsApi.class);
        SchedulesApi schedules = (SchedulesApi) endpoints.get(SchedulesApi.class);
        StatusApi status = (StatusApi) endpoints.get(StatusApi.class);
        return target("api", apiSeeds(operations, targets, schedules, status), input -> {
            int question = input.indexOf('?');
            String endpoint = question < 0 ? input : input.substring(0, question);
            Map<String, String> q = query(question < 0 ? "" : input.substring(question + 1));
            try {
                switch (endpoint) {
                    case "latest" -> operations.latest(q.get("since"), q.get("cursor"), q.get("limit"));
                    case "operations" -> operations.list(q.get("schedule"), q.get("transition"), q.get("target"),
                            q.get("status"), q.get("since"), q.get("cursor"), q.get("limit"));
                    case "operation" -> operations.get(q.getOrDefault("id", ""));
                    case "targets" -> targets.list(q.get("schedule"), q.get("account"), q.get("region"),
                            q.get("state"), q.get("cursor"), q.get("limit"));
                    case "schedules" -> schedules.list(q.get("cursor"), q.get("limit"));
                    case "schedule" -> schedules.get(q.getOrDefault("name", ""));
                    case "accounts" -> status.accounts(q.get("cursor"), q.get("limit"));
                    case "orphans" -> status.orphans(q.get("cursor"), q.get("limit"));
                    default -> status.status();
                }
            } catch (WebApplicationException e) {
                int code = e.getResponse().getStatus();
                if (code >= 500) {
                    throw new AssertionError("API answered " + code + ": " + e.getMessage());
                }
            }
        });
    }

    private List<String> apiSeeds(OperationsApi operations, TargetsApi targets, SchedulesApi schedules,
                                  StatusApi status) {
        InventoryItem item = hub.targets.get(17);
        String schedule = item.schedule();
        String key = item.targetKey();
        PageView<OperationView> latest = operations.latest(null, null, "3");
        List<String> seeds = new ArrayList<>(List.of("latest?limit=3&cursor=" + latest.nextCursor(),
                "latest?cursor=~" + decoded(latest.nextCursor()), "latest?since=P7D&limit=5", "latest?since=PT1H",
                "operations?status=FAILED&since=PT24H&limit=2&cursor="
                        + operations.list(null, null, null, "FAILED", null, null, "2").nextCursor(),
                "operations?target=" + key + "&limit=1&cursor="
                        + operations.list(null, null, key, null, null, null, "1").nextCursor(),
                "operations?schedule=" + schedule + "&transition=2026-03-24T19:00:00Z",
                "operation?id=" + latest.items().get(0).id(),
                "targets?schedule=" + schedule + "&state=ASLEEP&limit=5&cursor="
                        + targets.list(schedule, null, null, null, null, "5").nextCursor(),
                "targets?account=" + item.target().account() + "&region=" + item.target().region() + "&limit=2",
                "schedules?limit=2&cursor=" + schedules.list(null, "2").nextCursor(), "schedule?name=" + schedule,
                "accounts?limit=1&cursor=" + status.accounts(null, "1").nextCursor(), "orphans?limit=1", "status"));
        seeds.add("targets?schedule=" + schedule + "&cursor=~" + decoded(
                targets.list(schedule, null, null, null, null, "5").nextCursor()));
        return seeds;
    }

    private static String decoded(String cursor) {
        return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String text) {
        Map<String, String> values = new HashMap<>();
        for (String pair : text.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (value.startsWith("~")) {
                value = Base64.getUrlEncoder().withoutPadding().encodeToString(value.substring(1)
                        .getBytes(StandardCharsets.UTF_8));
            }
            values.put(name, value);
        }
        return values;
    }

    // -------------------------------------------------------------------------------------------------------------

    private interface Exercise {
        void run(String input) throws Exception;
    }

    private static FuzzTarget target(String name, List<String> seeds, Exercise exercise) {
        return new FuzzTarget() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<String> seeds() {
                return seeds;
            }

            @Override
            public void exercise(String input) throws Exception {
                exercise.run(input);
            }
        };
    }

    @Override
    public void close() {
        store.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
