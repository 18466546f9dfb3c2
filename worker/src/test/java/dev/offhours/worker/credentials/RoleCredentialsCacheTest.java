package dev.offhours.worker.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.simulator.ApiFamily;
import dev.offhours.simulator.FleetTime;
import dev.offhours.simulator.LatencySpec;
import dev.offhours.simulator.ManualTime;
import dev.offhours.simulator.SimulatedFleet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** The STS cache against the fleet simulator's STS (real AssumeRole rules, sessions that expire in fleet time). */
class RoleCredentialsCacheTest {

    private static final Instant START = Instant.parse("2026-03-02T17:00:00Z");

    @Test
    void concurrentCallersOfOneRoleShareOneAssumeRole() throws Exception {
        // real (scaled) time and STS latency, so the 32 callers overlap the one AssumeRole in flight
        SimulatedFleet fleet = SimulatedFleet.builder().seed(1).accounts(2).regions("eu-west-1")
                .asgsPerAccountRegion(0).nodegroupsPerAccountRegion(0).timeScale(1.0)
                .latency(ApiFamily.STS, LatencySpec.uniformMillis(150, 150)).build();
        RoleCredentialsCache cache = new RoleCredentialsCache(fleet.sts(),
                RoleCredentialsCache.Settings.of(fleet.config().roleName(), fleet.config().externalId()),
                fleet.time().asClock());
        List<String> accounts = List.copyOf(new java.util.TreeSet<>(fleet.accounts()));
        ExecutorService callers = Executors.newFixedThreadPool(32);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<AwsSessionCredentials>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 32; i++) {
                String account = accounts.get(i % 2);
                Callable<AwsSessionCredentials> call = () -> {
                    go.await();
                    return cache.credentials(account);
                };
                answers.add(callers.submit(call));
            }
            go.countDown();
            Set<String> keys = ConcurrentHashMap.newKeySet();
            for (Future<AwsSessionCredentials> answer : answers) {
                keys.add(answer.get(30, TimeUnit.SECONDS).accessKeyId());
            }

            assertThat(keys).hasSize(2); // one session per account, shared by its 16 callers
            assertThat(cache.assumeRoleCalls()).isEqualTo(2);
            assertThat(fleet.metrics().snapshot().assumeRoleCalls()).isEqualTo(2);
        } finally {
            callers.shutdownNow();
        }
    }

    /** Sessions last one hour; the cache renews them from five minutes before they expire. */
    @ParameterizedTest(name = "{0} min after the first AssumeRole: {1} AssumeRole calls in all")
    @CsvSource({
            "0, 1",
            "30, 1",
            "54, 1",
            "55, 2",
            "61, 2",
    })
    void credentialsAreRenewedOnlyWithinTheRefreshMarginOfTheirExpiry(int minutesLater, int expectedCalls) {
        ManualTime time = FleetTime.manual(START);
        SimulatedFleet fleet = SimulatedFleet.builder().seed(1).time(time).noLatency().accounts(1)
                .regions("eu-west-1").asgsPerAccountRegion(0).nodegroupsPerAccountRegion(0).build();
        RoleCredentialsCache cache = new RoleCredentialsCache(fleet.sts(),
                RoleCredentialsCache.Settings.of(fleet.config().roleName(), fleet.config().externalId()),
                time.asClock());
        String account = fleet.accounts().iterator().next();
        AwsSessionCredentials first = cache.credentials(account);

        time.advance(Duration.ofMinutes(minutesLater));
        boolean refreshDue = cache.needsRefresh(account);
        AwsSessionCredentials later = cache.credentials(account);

        assertThat(cache.assumeRoleCalls()).isEqualTo(expectedCalls);
        assertThat(refreshDue).isEqualTo(expectedCalls == 2);
        assertThat(later.accessKeyId().equals(first.accessKeyId())).isEqualTo(expectedCalls == 1);
        assertThat(later.expirationTime()).hasValueSatisfying(expiry -> assertThat(expiry).isAfter(time.instant()));
    }
}
