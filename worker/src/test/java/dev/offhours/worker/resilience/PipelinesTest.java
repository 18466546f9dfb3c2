package dev.offhours.worker.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failsafe.RateLimitExceededException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Which calls share a token bucket: AWS counts AssumeRole against the hub's own STS quota whichever account's role
 * it assumes, and every other call against the spoke account and region it goes to.
 */
class PipelinesTest {

    private static final List<String> ACCOUNTS = List.of("111111111111", "222222222222", "333333333333",
            "444444444444");

    /** Two permits and no waiting: the third call that draws from the same bucket is refused at once. */
    private static Pipelines twoPermitsEach() {
        ResilienceSettings.RateLimit two = new ResilienceSettings.RateLimit(0.001, 2, false);
        ResilienceSettings settings = ResilienceSettings.defaults()
                .withLimit(ApiFamily.STS, two).withLimit(ApiFamily.AUTOSCALING, two).withLimit(ApiFamily.EKS, two);
        return new Pipelines(new ResilienceSettings(settings.limits(), 0, Duration.ZERO, Duration.ZERO,
                Duration.ZERO, settings.breakerFailures(), settings.breakerDelay(), settings.retryLaterDelay()));
    }

    @Test
    void assumeRolesOfDifferentAccountsDrawFromTheHubsOneStsBucket() {
        Pipelines pipelines = twoPermitsEach();

        List<Throwable> failures = new ArrayList<>();
        for (String account : ACCOUNTS) {
            failures.add(outcome(pipelines.callAsync(account, "eu-west-1", ApiFamily.STS, () -> answered())));
        }

        assertThat(failures).extracting(f -> f == null ? "answered" : f.getClass().getSimpleName())
                .containsExactly("answered", "answered", RateLimitExceededException.class.getSimpleName(),
                        RateLimitExceededException.class.getSimpleName());
    }

    @ParameterizedTest
    @EnumSource(value = ApiFamily.class, names = {"AUTOSCALING", "EKS"})
    void spokeCallsOfDifferentAccountsAndRegionsEachHaveTheirOwnBucket(ApiFamily family) {
        Pipelines pipelines = twoPermitsEach();

        List<Throwable> failures = new ArrayList<>();
        for (String account : ACCOUNTS) {
            for (String region : List.of("eu-west-1", "eu-central-1")) {
                failures.add(outcome(pipelines.callAsync(account, region, family, () -> answered())));
            }
        }
        failures.add(outcome(pipelines.callAsync(ACCOUNTS.get(0), "eu-west-1", family, () -> answered())));
        failures.add(outcome(pipelines.callAsync(ACCOUNTS.get(0), "eu-west-1", family, () -> answered())));

        assertThat(failures.subList(0, 8)).as("one call per account and region").containsOnlyNulls();
        assertThat(failures.get(8)).as("the account-region's second permit").isNull();
        assertThat(failures.get(9)).as("its third call").isInstanceOf(RateLimitExceededException.class);
    }

    @Test
    void aFailedCallFailsItsFutureWithTheExceptionItselfNotAWrapper() {
        Pipelines pipelines = new Pipelines(ResilienceSettings.defaults().withRetries(0, Duration.ZERO, Duration.ZERO));
        IllegalStateException refused = new IllegalStateException("refused");

        Throwable failure = outcome(pipelines.callAsync("111111111111", "eu-west-1", ApiFamily.AUTOSCALING,
                () -> CompletableFuture.failedFuture(refused)));

        assertThat(failure).isSameAs(refused);
    }

    private static CompletableFuture<String> answered() {
        return CompletableFuture.completedFuture("answered");
    }

    /** The future's failure as the caller's stages see it after unwrapping, or null when it answered. */
    private static Throwable outcome(CompletableFuture<?> call) {
        try {
            call.join();
            return null;
        } catch (RuntimeException e) {
            return Futures.unwrap(e);
        }
    }
}
