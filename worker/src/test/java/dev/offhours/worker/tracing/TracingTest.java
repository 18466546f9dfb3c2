package dev.offhours.worker.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Which settings turn tracing on: the standard {@code OTEL_*} variables and system properties. Off is the default and
 * creates nothing (the no-op API); naming an exporter starts the SDK; {@code OTEL_PROPAGATORS=xray} also gives trace
 * ids in X-Ray's format.
 */
class TracingTest {

    @ParameterizedTest(name = "{0}={1} -> on: {2}")
    @CsvSource({
            "'',,false",
            "OTEL_TRACES_EXPORTER,none,false",
            "OTEL_TRACES_EXPORTER,console,true",
            "OTEL_TRACES_EXPORTER,logging,true",
            "OTEL_TRACES_EXPORTER,otlp,true",
            "OTEL_SERVICE_NAME,hub-7,false",
    })
    void anExporterNamedInTheEnvironmentTurnsTracingOn(String variable, String value, boolean on) {
        Map<String, String> environment = variable.isEmpty() ? Map.of() : Map.of(variable, value);
        try (Tracing tracing = Tracing.from(environment, new Properties(), "offhours-test")) {
            assertThat(tracing.enabled()).isEqualTo(on);
            if (on) {
                assertThat(tracing.openTelemetry()).isInstanceOf(OpenTelemetrySdk.class);
            } else {
                assertThat(tracing).as("no SDK: the no-op API").isSameAs(Tracing.OFF);
                assertThat(tracing.tracer().spanBuilder("x").startSpan().isRecording()).isFalse();
                assertThat(tracing.awsInterceptor()).isNull();
            }
        }
    }

    @Test
    void aSystemPropertyWinsOverTheEnvironmentAndTheSdkCanBeDisabled() {
        Properties none = new Properties();
        none.setProperty("otel.traces.exporter", "none");
        assertThat(Tracing.from(Map.of("OTEL_TRACES_EXPORTER", "otlp"), none, "t")).isSameAs(Tracing.OFF);
        assertThat(Tracing.from(Map.of("OTEL_TRACES_EXPORTER", "otlp", "OTEL_SDK_DISABLED", "true"),
                new Properties(), "t")).isSameAs(Tracing.OFF);
    }

    @Test
    void anUnknownExporterStopsTheStartWithTheSettingToFix() {
        assertThatThrownBy(() -> Tracing.from(Map.of("OTEL_TRACES_EXPORTER", "zipkin-v9"), new Properties(), "t"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("OTEL_")
                .hasMessageContaining("zipkin-v9");
    }

    @Test
    void theXrayPropagatorAlsoBringsTraceIdsThatXrayAccepts() {
        Map<String, String> environment = Map.of("OTEL_TRACES_EXPORTER", "console", "OTEL_PROPAGATORS", "xray");
        try (Tracing tracing = Tracing.from(environment, new Properties(), "offhours-test")) {
            assertThat(tracing.openTelemetry().getPropagators().getTextMapPropagator().fields())
                    .contains("X-Amzn-Trace-Id");
            Span span = tracing.tracer().spanBuilder("x").startSpan();
            span.end();
            long seconds = Long.parseLong(span.getSpanContext().getTraceId().substring(0, 8), 16);
            assertThat(Duration.between(Instant.ofEpochSecond(seconds), Instant.now()).abs())
                    .as("X-Ray's trace ids begin with the trace's start time").isLessThan(Duration.ofDays(1));
        }
    }

    @Test
    void installingMakesTheProcessesAwsClientsReportAndClosingUninstalls() {
        Tracing tracing = Tracing.from(Map.of("OTEL_TRACES_EXPORTER", "console"), new Properties(), "t");
        assertThat(Tracing.install(tracing).awsInterceptor()).isNotNull();
        assertThat(Tracing.installed()).isSameAs(tracing);
        tracing.close();
        assertThat(Tracing.installed()).isSameAs(Tracing.OFF);
    }
}
