package dev.offhours.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Starts one embedded ElasticMQ per test JVM (shared across classes, stopped at the end of the run) and injects
 * {@link EmbeddedElasticMq} or an {@link SqsClient} pointed at it into test constructors and methods. Tests isolate
 * themselves by creating their own queues ({@link EmbeddedElasticMq#createQueue}), which get unique names.
 *
 * <pre>{@code @ExtendWith(ElasticMqExtension.class)
 * class MyTest { @Test void t(EmbeddedElasticMq mq, SqsClient sqs) { ... } }}</pre>
 */
public final class ElasticMqExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ElasticMqExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == EmbeddedElasticMq.class || type == SqsClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Shared shared = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Shared.class, key -> new Shared(EmbeddedElasticMq.start()), Shared.class);
        Class<?> type = parameter.getParameter().getType();
        if (type == EmbeddedElasticMq.class) {
            return shared.server;
        }
        if (type == SqsClient.class) {
            return shared.client;
        }
        throw new ParameterResolutionException("ElasticMqExtension cannot supply " + type.getName());
    }

    /** Closed by JUnit when the root context closes, i.e. after the last test of the run. */
    private static final class Shared implements ExtensionContext.Store.CloseableResource {
        private final EmbeddedElasticMq server;
        private final SqsClient client;

        Shared(EmbeddedElasticMq server) {
            this.server = server;
            this.client = server.newClient();
        }

        @Override
        public void close() {
            client.close();
            server.close();
        }
    }
}
