package dev.offhours.reconciler.quota;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import dev.offhours.testsupport.store.InMemoryAwakeCapacityStore;
import dev.offhours.testsupport.store.InMemoryOperationStore;
import dev.offhours.core.quota.OnBreach;
import dev.offhours.core.quota.Purchase;
import dev.offhours.core.quota.QuotaClass;
import dev.offhours.core.quota.QuotaKey;
import dev.offhours.core.quota.QuotaNeed;
import dev.offhours.reconciler.converge.WakeGate;
import dev.offhours.worker.credentials.SpokeClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code quota:} section as the service wires it: which gate the pass gets, and the gauges' values. */
class QuotaPreflightsTest {

    private static final Instant NOW = Instant.parse("2026-03-03T07:00:00Z");

    @Test
    void aServiceWithoutAQuotaSectionChecksEachWakeAndOnlyWarns() throws Exception {
        QuotaConfig unset = new com.fasterxml.jackson.databind.ObjectMapper().readValue("{}", QuotaConfig.class);

        assertThat(unset.preflight()).isTrue();
        assertThat(unset.onBreach()).isEqualTo(OnBreach.WARN);
    }

    @ParameterizedTest(name = "preflight {0}, quota clients {1}: gate enabled {2}")
    @CsvSource({"false, true, false", "true, false, false", "true, true, true"})
    void theGateIsOnOnlyWhenConfiguredAndTheSpokesHaveQuotaClients(boolean preflight, boolean clients,
                                                                   boolean enabled) throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        QuotaClientFactory factory = clients ? QuotaClientFactory.of((c, r) -> null, (c, r) -> null, (c, r) -> null)
                : null;
        QuotaPreflights quota = QuotaPreflights.open(new QuotaConfig().preflight(preflight, OnBreach.WARN), factory,
                new SpokeClients(null, null), new InMemoryOperationStore(), new InMemoryAwakeCapacityStore(), Duration.ofDays(90),
                Duration.ofMinutes(1), clock);
        assertThat(quota.gate().enabled()).isEqualTo(enabled);
        assertThat(quota.gate() == WakeGate.NONE).isEqualTo(!enabled);

        MetricRegistry metrics = new MetricRegistry();
        quota.registerGauges(metrics);
        quota.findings().record(new QuotaFinding("office", NOW, "111111111111", "eu-west-1", NOW.minusSeconds(60),
                OnBreach.WAKE_IN_PRIORITY_ORDER, List.of(new QuotaNeed(new QuotaKey(QuotaClass.STANDARD,
                Purchase.ON_DEMAND), 64, 40.0, 8.0)), 8, 4, 0));
        quota.findings().record(new QuotaFinding("late-shift", NOW, "111111111111", "eu-west-1",
                NOW.minus(Duration.ofHours(25)), OnBreach.WARN, List.of(), 3, 0, 0));
        assertThat(metrics.getGauges().get(QuotaPreflights.BREACHES_GAUGE).getValue()).isEqualTo(1);
        assertThat(((Gauge<?>) metrics.getGauges().get(QuotaPreflights.REFUSED_GAUGE)).getValue()).isEqualTo(4);
        quota.close().close();
    }
}
