package dev.offhours.worker.tracing;

import dev.offhours.core.port.OperationStore;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.contrib.awsxray.AwsXrayIdGenerator;
import io.opentelemetry.instrumentation.awssdk.v2_2.AwsSdkTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * A process's traces: off (the no-op API, no SDK, nothing to pay) unless the standard OpenTelemetry settings name a
 * span exporter ({@code OTEL_TRACES_EXPORTER} or {@code -Dotel.traces.exporter}, e.g. {@code otlp} or
 * {@code console}); then the SDK's autoconfiguration reads every other {@code OTEL_*} setting (endpoint, sampler,
 * propagators, resource). The hub service and the Lambda worker each make one with {@link #fromEnvironment} where
 * they wire everything else, and {@link #install} it so that every AWS SDK client of the process reports its calls
 * (see {@link AwsCallSpans}).
 *
 * <p>For AWS X-Ray: {@code OTEL_PROPAGATORS=xray} (or {@code tracecontext,xray}) reads and writes the
 * {@code X-Amzn-Trace-Id} header, and trace ids that X-Ray accepts come from its ID generator, which is on whenever
 * the propagators name {@code xray} or {@link #XRAY_IDS} is {@code true}.
 */
public final class Tracing implements AutoCloseable {

    /** The instrumentation scope of every span offhours makes itself. */
    public static final String SCOPE = "dev.offhours";
    /** {@code OFFHOURS_TRACING_XRAY_IDS} / {@code -Doffhours.tracing.xray.ids}: new trace ids in X-Ray's format. */
    public static final String XRAY_IDS = "offhours.tracing.xray.ids";

    /** Tracing off: the no-op API; {@link #enabled()} is false and nothing is created. */
    public static final Tracing OFF = new Tracing(OpenTelemetry.noop(), null, false);

    private static volatile Tracing installed = OFF;

    private final OpenTelemetry openTelemetry;
    private final OpenTelemetrySdk sdk;
    private final boolean enabled;
    private final Tracer tracer;
    private final ExecutionInterceptor awsInterceptor;

    private Tracing(OpenTelemetry openTelemetry, OpenTelemetrySdk sdk, boolean enabled) {
        this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
        this.sdk = sdk;
        this.enabled = enabled;
        this.tracer = openTelemetry.getTracer(SCOPE);
        this.awsInterceptor = enabled ? AwsSdkTelemetry.builder(openTelemetry)
                .setCaptureExperimentalSpanAttributes(true).build().createExecutionInterceptor() : null;
    }

    /** Tracing with an SDK made elsewhere (tests: the in-memory exporter); the caller shuts it down. */
    public static Tracing of(OpenTelemetry openTelemetry) {
        return new Tracing(openTelemetry, null, true);
    }

    /**
     * From the process's environment variables and system properties.
     *
     * @param serviceName {@code service.name} unless {@code OTEL_SERVICE_NAME} says otherwise
     */
    public static Tracing fromEnvironment(String serviceName) {
        return from(System.getenv(), System.getProperties(), serviceName);
    }

    /** From these environment variables and system properties (a Lambda function's environment, a test's). */
    public static Tracing from(Map<String, String> environment, Properties properties, String serviceName) {
        if (!exporterConfigured(environment, properties)) {
            return OFF;
        }
        OpenTelemetrySdk sdk;
        try {
            sdk = autoConfigured(environment, serviceName);
        } catch (ConfigurationException e) {
            throw new IllegalStateException("tracing cannot start: an OTEL_* setting (or -Dotel.* property) is"
                    + " wrong: " + e.getMessage() + "; unset OTEL_TRACES_EXPORTER to run without traces", e);
        }
        return new Tracing(sdk, sdk, true);
    }

    private static OpenTelemetrySdk autoConfigured(Map<String, String> environment, String serviceName) {
        return AutoConfiguredOpenTelemetrySdk.builder()
                // offhours exports traces only; its metrics go to Dropwizard, CloudWatch and embedded metric lines
                .addPropertiesSupplier(() -> Map.of("otel.service.name", serviceName,
                        "otel.metrics.exporter", "none", "otel.logs.exporter", "none"))
                .addPropertiesSupplier(() -> otelVariables(environment))
                .addTracerProviderCustomizer((builder, config) -> xrayIds(config)
                        ? builder.setIdGenerator(AwsXrayIdGenerator.getInstance()) : builder)
                .disableShutdownHook()
                .build()
                .getOpenTelemetrySdk();
    }

    /**
     * The SDK's own default exporter is OTLP to localhost; offhours starts it only when an exporter is named, so an
     * unconfigured hub neither creates the SDK nor tries to reach a collector.
     */
    static boolean exporterConfigured(Map<String, String> environment, Properties properties) {
        if (Boolean.parseBoolean(setting(environment, properties, "otel.sdk.disabled"))) {
            return false;
        }
        String exporter = setting(environment, properties, "otel.traces.exporter");
        return exporter != null && !exporter.isBlank() && !exporter.trim().equalsIgnoreCase("none");
    }

    private static boolean xrayIds(ConfigProperties config) {
        Boolean explicit = config.getBoolean(XRAY_IDS);
        if (explicit != null) {
            return explicit;
        }
        return config.getList("otel.propagators").stream().anyMatch(name -> name.startsWith("xray"));
    }

    /**
     * The given environment's {@code OTEL_*} variables as properties: the autoconfiguration reads the process's own
     * environment, which for the Lambda function is the same, and for a test is not.
     */
    private static Map<String, String> otelVariables(Map<String, String> environment) {
        Map<String, String> properties = new java.util.HashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("OTEL_") || name.startsWith("OFFHOURS_TRACING_")) {
                properties.put(name.toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return properties;
    }

    /** A system property wins over the environment variable, as in the SDK's autoconfiguration. */
    private static String setting(Map<String, String> environment, Properties properties, String name) {
        String property = properties.getProperty(name);
        if (property != null) {
            return property;
        }
        return environment.get(name.toUpperCase(Locale.ROOT).replace('.', '_'));
    }

    /** Makes this the process's tracing for every AWS SDK client ({@link AwsCallSpans}); returns it. */
    public static Tracing install(Tracing tracing) {
        installed = Objects.requireNonNull(tracing, "tracing");
        return tracing;
    }

    /** The process's tracing: {@link #OFF} until one is installed. */
    public static Tracing installed() {
        return installed;
    }

    public boolean enabled() {
        return enabled;
    }

    public Tracer tracer() {
        return tracer;
    }

    public OpenTelemetry openTelemetry() {
        return openTelemetry;
    }

    /** The worker's operation store, which describes the worker's span of each record it saves when tracing is on. */
    public OperationStore operations(OperationStore operations) {
        return enabled ? new TracedOperationStore(operations) : operations;
    }

    /** The AWS SDK instrumentation's interceptor, or null when tracing is off. */
    ExecutionInterceptor awsInterceptor() {
        return awsInterceptor;
    }

    /** Exports what has ended; the Lambda function calls it before each invocation returns (it may be frozen). */
    public void flush() {
        if (sdk != null) {
            sdk.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
        }
    }

    /** Exports what is left and stops the SDK this created; uninstalls it. */
    @Override
    public void close() {
        if (installed == this) {
            installed = OFF;
        }
        if (sdk != null) {
            sdk.shutdown().join(10, TimeUnit.SECONDS);
        }
    }
}
