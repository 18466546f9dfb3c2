package dev.offhours.worker;

import static dev.offhours.worker.MotoFleet.NOW;
import static dev.offhours.worker.MotoFleet.item;
import static dev.offhours.worker.MotoFleet.optIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.testsupport.store.InMemoryOperationStore;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.MotoServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingRequest;
import software.amazon.awssdk.services.eks.model.EksException;
import software.amazon.awssdk.services.eks.model.EksRequest;
import software.amazon.awssdk.services.eks.model.InvalidRequestException;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.StsException;

@ExtendWith(MotoExtension.class)
class ResilienceTest {

    private static final Capacity AWAKE = new Capacity(1, 2, 4);
    private static final List<String> ACCOUNTS = List.of("111111111111", "222222222222", "333333333333");

    /** Answers a large fraction of spoke calls with AWS's real throttling errors, since moto never throttles. */
    static final class ThrottlingStorm implements ExecutionInterceptor {
        private final Random random = new Random(42);
        final AtomicInteger thrown = new AtomicInteger();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            boolean throttle;
            synchronized (random) {
                throttle = random.nextDouble() < 0.5;
            }
            if (!throttle) {
                return;
            }
            thrown.incrementAndGet();
            if (context.request() instanceof AutoScalingRequest) {
                throw AutoScalingException.builder().statusCode(400).message("Rate exceeded")
                        .awsErrorDetails(details("Throttling", "Rate exceeded")).build();
            }
            if (context.request() instanceof EksRequest) {
                if (thrown.get() % 2 == 0) {
                    throw InvalidRequestException.builder().statusCode(400).message("Request limit exceeded")
                            .awsErrorDetails(details("InvalidRequestException", "Request limit exceeded")).build();
                }
                throw EksException.builder().statusCode(429).message("Rate exceeded")
                        .awsErrorDetails(details("ThrottlingException", "Rate exceeded")).build();
            }
        }
    }

    /** The spoke role of one account cannot be assumed (trust policy broken). Counts AssumeRole calls per account. */
    static final class DeniedAccount implements ExecutionInterceptor {
        private final String account;
        final AtomicInteger callsToDenied = new AtomicInteger();

        DeniedAccount(String account) {
            this.account = account;
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (context.request() instanceof AssumeRoleRequest assume && assume.roleArn().contains(":" + account + ":")) {
                callsToDenied.incrementAndGet();
                throw StsException.builder().statusCode(403)
                        .awsErrorDetails(details("AccessDenied", "User is not authorized to perform: sts:AssumeRole")).build();
            }
        }
    }

    private static AwsErrorDetails details(String code, String message) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(message).build();
    }

    @Test
    void aThrottlingStormEndsWithEveryTargetRightAndNoFailure(MotoServer moto) {
        InMemoryOperationStore store = new InMemoryOperationStore();
        ThrottlingStorm storm = new ThrottlingStorm();
        try (MotoFleet fleet = new MotoFleet(moto, store, List.of(storm), List.of())) {
            List<Target> targets = fleetOf(fleet, ACCOUNTS);
            for (Action action : List.of(Action.SLEEP, Action.WAKE)) {
                var transition = action == Action.SLEEP ? NOW : NOW.plusSeconds(3600);
                for (Target target : targets) {
                    deliverUntilDone(fleet, item(action, target, transition));
                }
            }
            assertThat(storm.thrown.get()).isGreaterThan(20);
            assertThat(fleet.pipelines.throttlesMet()).isGreaterThan(20);
            assertThat(store.all()).hasSize(targets.size() * 2)
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo(OperationStatus.SUCCEEDED));
            for (Target target : targets) {
                assertThat(fleet.capacityOf(target)).as(target.key()).isEqualTo(AWAKE);
            }
        }
    }

    @Test
    void aDeadAccountFailsFastAloneWhileTheOthersSucceed(MotoServer moto) {
        InMemoryOperationStore store = new InMemoryOperationStore();
        DeniedAccount denied = new DeniedAccount("333333333333");
        try (MotoFleet fleet = new MotoFleet(moto, store, List.of(), List.of(denied))) {
            List<Target> targets = fleetOf(fleet, ACCOUNTS);
            for (Target target : targets) {
                assertThat(fleet.handle(item(Action.SLEEP, target, NOW), 1)).isEqualTo(Outcome.done());
            }
            assertThat(store.all()).allSatisfy(r -> {
                boolean dead = r.targetKey().startsWith("333333333333#");
                assertThat(r.status()).as(r.targetKey()).isEqualTo(dead ? OperationStatus.FAILED : OperationStatus.SUCCEEDED);
            });
            assertThat(store.all()).filteredOn(r -> r.status() == OperationStatus.FAILED)
                    .extracting(OperationRecord::errorCode).containsExactlyInAnyOrder("AccessDenied", "AccountUnavailable");
            assertThat(denied.callsToDenied.get()).isEqualTo(1);
            assertThat(fleet.pipelines.isOpen("333333333333")).isTrue();
            assertThat(fleet.credentials.assumeRoleCalls()).isEqualTo(3); // one per account, the dead one included
        }
    }

    private static void deliverUntilDone(MotoFleet fleet, dev.offhours.core.work.WorkItem item) {
        for (int receive = 1; receive <= 20; receive++) {
            Outcome outcome = fleet.handle(item, receive);
            if (outcome.equals(Outcome.done())) {
                return;
            }
            assertThat(outcome).as("only throttling may send an item back").isInstanceOf(Outcome.RetryLater.class);
        }
        throw new AssertionError("work item never finished: " + item);
    }

    private static List<Target> fleetOf(MotoFleet fleet, List<String> accounts) {
        List<Target> targets = new ArrayList<>();
        for (String account : accounts) {
            targets.add(fleet.createAsg(account, "web", AWAKE, optIn()));
            targets.add(fleet.createNodegroup(account, "prod", "ng-1", AWAKE, optIn()));
        }
        return targets;
    }
}
