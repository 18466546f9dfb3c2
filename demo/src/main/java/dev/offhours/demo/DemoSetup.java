package dev.offhours.demo;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.offhours.core.source.RepositoryReadResult;
import dev.offhours.core.source.RepositoryReader;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.offhours.reconciler.OffhoursConfiguration;
import dev.offhours.reconciler.api.ApiConfig;
import dev.offhours.core.quota.OnBreach;
import dev.offhours.reconciler.config.StoreConfig;
import dev.offhours.reconciler.quota.QuotaConfig;
import dev.offhours.reconciler.git.GitSourceConfig;
import dev.offhours.reconciler.repository.DirectoryRevisionReader;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.logging.common.FileAppenderFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the demo starts besides the service: the data folder, ElasticMQ with the queue pair, the simulated fleet
 * and the schedules repository; and the service configuration that points at them (embedded store, fleet as spokes).
 */
final class DemoSetup implements AutoCloseable {

    static final String LOG_FILE = "offhours.log";

    private final DemoSettings settings;
    private final DemoSchedule schedule;
    private final DemoQueues queues;
    private final DemoFleet fleet;
    private final Path repository;
    /** This run's bearer token for the status API and dashboard: printed on the console, never logged. */
    private final String apiToken;
    private final OffhoursConfiguration configuration;

    private DemoSetup(DemoSettings settings, DemoSchedule schedule, DemoQueues queues, DemoFleet fleet,
                      Path repository) {
        this.settings = settings;
        this.schedule = schedule;
        this.queues = queues;
        this.fleet = fleet;
        this.repository = repository;
        this.apiToken = newToken();
        this.configuration = configuration();
    }

    static DemoSetup start(DemoSettings settings, Path template, Instant now) {
        Path data = settings.dataDirectory().toAbsolutePath();
        try {
            Files.createDirectories(data);
            if (Files.exists(data.resolve("schedules-repo"))) {
                throw new IllegalArgumentException("the data folder " + data + " holds an earlier demo; give a new"
                        + " --data-dir or leave it out (each run gets its own folder)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the demo's data folder " + data, e);
        }
        DemoSchedule schedule = DemoSchedule.from(now, settings.sleepIn(), settings.wakeAfter());
        Path repository = DemoRepository.create(template, data.resolve("schedules-repo"),
                DemoFleet.accountIds(settings.accounts()), DemoFleet.REGION, schedule);
        RepositoryReadResult read = new RepositoryReader().read(new DirectoryRevisionReader().read(repository));
        if (!read.valid()) {
            throw new IllegalStateException("the demo's schedules repository is not valid: " + read.problems());
        }
        String externalId = "offhours-demo-" + UUID.randomUUID();
        DemoFleet fleet = DemoFleet.build(settings.targets(), settings.accounts(), externalId,
                read.catalog().accounts());
        DemoQueues queues = DemoQueues.start();
        DemoSetup setup = new DemoSetup(settings, schedule, queues, fleet, repository);
        setup.configuration.aws().externalId(externalId);
        return setup;
    }

    boolean exitAfterWake() {
        return settings.exitAfterWake();
    }

    int targets() {
        return fleet.awakeCapacities().size();
    }

    int accounts() {
        return settings.accounts();
    }

    DemoSchedule schedule() {
        return schedule;
    }

    DemoFleet fleet() {
        return fleet;
    }

    Path repository() {
        return repository;
    }

    Path dataDirectory() {
        return settings.dataDirectory().toAbsolutePath();
    }

    Path logFile() {
        return dataDirectory().resolve(LOG_FILE);
    }

    OffhoursConfiguration config() {
        return configuration;
    }

    String apiToken() {
        return apiToken;
    }

    private OffhoursConfiguration configuration() {
        OffhoursConfiguration config = new OffhoursConfiguration();
        config.git(new GitSourceConfig().url(repository.toString()).branch("main")
                .localDirectory(dataDirectory().resolve("clone.git")).pollInterval(Duration.ofSeconds(5)));
        config.store().type(StoreConfig.Type.EMBEDDED).dataDirectory(dataDirectory());
        config.aws().hubRegion(DemoFleet.REGION).endpointOverride(queues.endpoint()).emulatorCredentials(true)
                .spokeRoleName(DemoFleet.ROLE);
        config.dispatch().workQueueUrl(queues.workQueueUrl());
        config.workers().deadLetterQueueUrl(queues.deadLetterQueueUrl()).receiveWait(Duration.ofSeconds(1))
                .confirmDelay(Duration.ofSeconds(3)).retryLaterDelay(Duration.ofSeconds(2))
                .shutdownGrace(Duration.ofSeconds(5));
        config.transitions().catchUpInterval(io.dropwizard.util.Duration.seconds(10));
        // the simulated accounts' quotas take the demo's wake: the pre-flight logs one line per account
        config.quota(new QuotaConfig().preflight(true, OnBreach.WARN));
        ApiConfig api = new ApiConfig();
        api.tokenSha256(List.of(sha256Hex(apiToken)));
        config.api(api);
        config.setServerFactory(server());
        config.setLoggingFactory(logging(dataDirectory()));
        return config;
    }

    private DefaultServerFactory server() {
        DefaultServerFactory server = new DefaultServerFactory();
        server.setApplicationConnectors(List.of(connector(settings.port())));
        server.setAdminConnectors(List.of(connector(settings.adminPort())));
        LogbackAccessRequestLogFactory requestLog = new LogbackAccessRequestLogFactory();
        requestLog.setAppenders(List.of());
        server.setRequestLogFactory(requestLog);
        server.setRegisterDefaultExceptionMappers(true);
        return server;
    }

    private static HttpConnectorFactory connector(int port) {
        HttpConnectorFactory connector = new HttpConnectorFactory();
        connector.setBindHost("127.0.0.1");
        connector.setPort(port);
        return connector;
    }

    /** 32 random bytes in hex: a fresh credential per run, so an old console line opens no later demo. */
    private static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String sha256Hex(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256, which every Java runtime must provide", e);
        }
    }

    /**
     * INFO and above into the log file; only warnings on the console, which belongs to the demo's own lines. Jetty
     * stays at INFO whatever the root level: at DEBUG it would log the Authorization header with the API token.
     */
    static DefaultLoggingFactory logging(Path dataDirectory) {
        DefaultLoggingFactory logging = new DefaultLoggingFactory();
        logging.setLevel("INFO");
        logging.setLoggers(Map.of("org.eclipse.jetty", TextNode.valueOf("INFO")));
        FileAppenderFactory<ILoggingEvent> file = new FileAppenderFactory<>();
        file.setCurrentLogFilename(dataDirectory.resolve(LOG_FILE).toString());
        file.setArchive(false);
        ConsoleAppenderFactory<ILoggingEvent> console = new ConsoleAppenderFactory<>();
        console.setTarget(ConsoleAppenderFactory.ConsoleStream.STDERR);
        console.setThreshold("WARN");
        console.setLogFormat("%-5p %c{1}: %m%n");
        List<AppenderFactory<ILoggingEvent>> appenders = List.of(file, console);
        logging.setAppenders(appenders);
        return logging;
    }

    @Override
    public void close() {
        queues.close();
    }
}
