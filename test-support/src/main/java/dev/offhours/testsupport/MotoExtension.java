package dev.offhours.testsupport;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a running moto server, shared by every test class of the JVM (it starts once, about 4 s, and stops
 * when the test run ends), with all state reset before each test.
 *
 * <p>Use either {@code @ExtendWith(MotoExtension.class)} and a {@link MotoServer} parameter on a test, a
 * {@code @BeforeEach} or a {@code @BeforeAll} method, or {@code @RegisterExtension static final MotoExtension moto =
 * new MotoExtension();} and call {@link #server()} / {@link #endpoint()} from tests. Test classes that use moto
 * must not run in parallel with each other, since a reset clears every account.
 *
 * <p>If moto is missing or does not start, every test that uses it fails with {@link MotoUnavailableException},
 * whose message says how to install moto. moto's output goes to {@code target/moto/moto-<port>.log}.
 */
public final class MotoExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MotoExtension.class);
    private static final String KEY = "moto-server";

    private volatile MotoServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = shared(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server = shared(context);
        server.reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MotoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        return shared(context);
    }

    /** The running server; valid from {@code @BeforeAll} on when registered as a static field. */
    public MotoServer server() {
        if (server == null) {
            throw new IllegalStateException("moto is not started yet: register MotoExtension as a static field "
                    + "(@RegisterExtension static) or take a MotoServer parameter");
        }
        return server;
    }

    public URI endpoint() {
        return server().endpoint();
    }

    public String region() {
        return server().region();
    }

    private static MotoServer shared(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        Startup startup = store.getOrComputeIfAbsent(KEY, key -> Startup.attempt(), Startup.class);
        return startup.serverOrFail();
    }

    /**
     * The outcome of the one start attempt of this run. A failure is remembered so that later test classes fail
     * at once with the same explanation instead of waiting for moto again. Closed by JUnit when the root
     * context closes, which stops moto.
     */
    private record Startup(MotoServer server, MotoUnavailableException failure) implements AutoCloseable {

        static Startup attempt() {
            try {
                return new Startup(MotoServer.start(Path.of("target", "moto")), null);
            } catch (MotoUnavailableException e) {
                return new Startup(null, e);
            }
        }

        MotoServer serverOrFail() {
            if (failure != null) {
                throw new MotoUnavailableException(failure.getMessage(), failure);
            }
            return server;
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
