package dev.offhours.reconciler.quota;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import dev.offhours.core.port.IntentLedger;
import dev.offhours.core.port.OperationStore;
import dev.offhours.reconciler.converge.WakeGate;
import dev.offhours.worker.credentials.SpokeClients;
import java.time.Clock;
import java.time.Duration;

/**
 * The quota pre-flight as the service wires it: the convergence pass's {@link WakeGate} ({@link WakeGate#NONE} when
 * {@code quota.preflight} is off or the spoke access has no quota clients) and the findings the API, the dashboard
 * and the gauges read.
 *
 * @param close releases the pre-flight's SDK clients
 */
public record QuotaPreflights(WakeGate gate, QuotaFindings findings, AutoCloseable close) {

    /** Quotas the latest wake waves (per schedule, account and region, last 24 hours) would breach. */
    public static final String BREACHES_GAUGE = "offhours.quota.breaches";
    /** Targets those waves left asleep, FAILED QuotaExceeded. */
    public static final String REFUSED_GAUGE = "offhours.quota.refused_targets";

    /**
     * @param budget how long one wave's checks may take (half the convergence lease: the pass holds it meanwhile)
     */
    public static QuotaPreflights open(QuotaConfig config, QuotaClientFactory clients, SpokeClients spokes,
                                       OperationStore operations, IntentLedger ledger, Duration recordRetention,
                                       Duration budget, Clock clock) {
        QuotaFindings findings = new QuotaFindings(clock);
        if (!config.preflight() || clients == null) {
            return new QuotaPreflights(WakeGate.NONE, findings, () -> { });
        }
        SpokeQuotaSource source = new SpokeQuotaSource(spokes, clients, clock);
        WakePreflight gate = new WakePreflight(source, config.onBreach(), operations, ledger, findings,
                recordRetention, budget);
        return new QuotaPreflights(gate, findings, () -> {
            gate.close();
            source.close();
        });
    }

    public void registerGauges(MetricRegistry metrics) {
        metrics.register(BREACHES_GAUGE, (Gauge<Integer>) findings::breaches);
        metrics.register(REFUSED_GAUGE, (Gauge<Integer>) findings::refusedTargets);
    }
}
