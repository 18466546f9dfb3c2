package dev.offhours.reconciler.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import dev.offhours.core.port.ReconcilerStatus;
import dev.offhours.core.source.RepositoryReader;
import dev.offhours.reconciler.git.GitSourceException.Reason;
import dev.offhours.reconciler.reconcile.ReconcileResult;
import dev.offhours.reconciler.reconcile.Reconciler;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import dev.offhours.reconciler.transition.TransitionRegistry;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.time.Timeline;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** An HTTPS-style Git server that refuses the token: the token is sent, and never shows up anywhere. */
class GitSourceTokenTest {

    private static final String TOKEN = "ghs_T0k3nTh4tMustN3v3rLeak";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-23T07:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger transport = (Logger) LoggerFactory.getLogger("org.eclipse.jgit.transport");
    private Level transportLevel;

    @BeforeEach
    void startRefusingServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                authorizations.add(authorization);
            }
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"GitHub\"");
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        server.start();
        logs.start();
        root.addAppender(logs);
        transportLevel = transport.getLevel();
        transport.setLevel(Level.DEBUG); // JGit's own transport debug output must not show the token either

    }

    @AfterEach
    void stop() {
        root.detachAppender(logs);
        transport.setLevel(transportLevel);
        server.stop(0);
    }

    private String url(String userInfo) {
        return "http://" + userInfo + "127.0.0.1:" + server.getAddress().getPort() + "/org/schedules.git";
    }

    static Stream<Arguments> configurations() {
        return Stream.of(
                Arguments.of("token in configuration", "", TOKEN),
                Arguments.of("token written into the URL", "x-access-token:" + TOKEN + "@", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void aRefusedTokenIsAnAuthenticationErrorThatNeverShowsTheToken(String name, String userInfo, String token) {
        GitSourceConfig config = new GitSourceConfig().url(url(userInfo)).token(token)
                .localDirectory(dir.resolve("clone.git"));
        try (GitSource source = new GitSource(config, CLOCK);
                EmbeddedHubStore hub = EmbeddedHubStore.open(dir.resolve("hub.mv.db"))) {
            GitSourceException e = catchThrowableOfType(GitSourceException.class, source::fetch);
            ReconcileResult result = new Reconciler(source, new RepositoryReader(), new NoRegistry(), hub.control(),
                    CLOCK).reconcile();
            ReconcilerStatus status = hub.control().status().orElseThrow();

            assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION);
            assertThat(e.retryable()).isFalse();
            assertThat(authorizations).contains("Basic " + Base64.getEncoder()
                    .encodeToString(("x-access-token:" + TOKEN).getBytes(StandardCharsets.UTF_8)));
            assertThat(SecretLeaks.texts(e)).noneMatch(text -> text.contains(TOKEN));
            assertThat(result.message()).doesNotContain(TOKEN).contains("refused");
            assertThat(status.conditions()).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.message()).doesNotContain(TOKEN));
            assertThat(logs.list).isNotEmpty().allSatisfy(event -> assertThat(logTexts(event))
                    .noneMatch(text -> text.contains(TOKEN)));
            assertThat(source.displayUrl()).doesNotContain(TOKEN);
            assertThat(config.toString()).doesNotContain(TOKEN);
        }
    }

    private static List<String> logTexts(ILoggingEvent event) {
        List<String> texts = new ArrayList<>(List.of(event.getFormattedMessage()));
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            texts.add(String.valueOf(t.getMessage()));
        }
        return texts;
    }

    private static final class NoRegistry implements TransitionRegistry {
        @Override
        public void register(Schedule schedule, Timeline timeline) {
            throw new AssertionError("nothing can be registered from a repository that cannot be fetched");
        }

        @Override
        public void deregister(Schedule schedule) {
            throw new AssertionError("nothing is registered");
        }

        @Override
        public Set<String> registered() {
            return Set.of();
        }
    }
}
