package dev.offhours.bench;

import dev.offhours.testsupport.EmbeddedElasticMq;
import dev.offhours.worker.runtime.PoolSettings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The window storm: 10,000 targets (half ASGs, half node groups) across 500 accounts x 2 regions in the
 * simulator, one work item per target on an SQS-protocol queue (embedded ElasticMQ); a sleep storm, then a wake
 * storm, per implementation and mode, each on a fresh fleet. Service mode: offhours' worker at each in-flight
 * value ({@code offhours-50} is the baseline) and a naive baseline at 50. Lambda mode: offhours behind a
 * simulated event source mapping ({@link LambdaEnvironments}). Prints {@code storm.implementation.mode.name: value}.
 * Parameters: {@link StormSettings}; argument: the time scale (default 1, real time: a smaller scale shrinks the
 * AWS bound but not the CPU the process needs, so on a small machine the ratios would then measure the machine).
 *
 * <p>Every run is first made on a smaller fleet of its own, figures discarded ({@link StormSettings#forWarmUp}: JIT,
 * ElasticMQ and thread pools warm; {@code -Dstorm.warmup=false} skips it). Node group updates complete at once in
 * this fleet: the limits count no DescribeUpdate and no EKS rollout time, so neither is put in the measured time.
 */
public final class WindowStormBenchmark {

    private WindowStormBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double scale = args.length > 0 ? Double.parseDouble(args[0])
                : Double.parseDouble(System.getProperty("storm.scale", "1"));
        StormSettings settings = StormSettings.fromSystemProperties(scale);
        List<StormFigures> figures;
        List<String> growth = List.of();
        try (EmbeddedElasticMq mq = EmbeddedElasticMq.start(); SqsClient sqs = mq.newClient()) {
            if (settings.warmup()) {
                runs(mq, sqs, settings.forWarmUp());
            }
            if (settings.growth()) {
                StormGrowth measured = StormGrowth.measure(new StormRun(mq, sqs, settings), settings);
                figures = measured.figures();
                growth = measured.lines();
            } else {
                figures = runs(mq, sqs, settings);
            }
        }
        printSettings(settings);
        print(figures);
        growth.forEach(System.out::println);
    }

    /** Every contender in every mode asked for, each on a fresh fleet built just before its run. */
    static List<StormFigures> runs(EmbeddedElasticMq mq, SqsClient sqs, StormSettings settings)
            throws InterruptedException {
        StormRun run = new StormRun(mq, sqs, settings);
        List<StormFigures> figures = new ArrayList<>();
        if (settings.modes().contains("service")) {
            if (settings.contenders().contains("offhours")) {
                for (int inFlight : settings.inFlights()) {
                    figures.addAll(service(run, Contender.offhours(fleet(settings), settings.scale(), inFlight)));
                }
            }
            if (settings.contenders().contains("naive")) {
                figures.addAll(service(run, Contender.naive(fleet(settings))));
            }
        }
        if (settings.modes().contains("lambda") && settings.contenders().contains("offhours")) {
            StormFleet fleet = fleet(settings);
            figures.addAll(run.sleepThenWake("offhours", fleet, StormCounters.of(fleet.operations()),
                    new LambdaMode(fleet, settings.scale(), settings.lambdaEnvironments(), settings.lambdaBatch())));
        }
        return figures;
    }

    static List<StormFigures> service(StormRun run, Contender contender) throws InterruptedException {
        return run.sleepThenWake(contender.name(), contender.fleet(), contender.counters(), new ServiceMode(contender));
    }

    private static StormFleet fleet(StormSettings settings) {
        return StormFleet.of(settings.accounts(), settings.scale());
    }

    private static void printSettings(StormSettings settings) {
        System.out.println("time_scale: " + settings.scale());
        System.out.println("targets: " + settings.accounts() * StormFleet.TARGETS_PER_ACCOUNT);
        System.out.println("accounts: " + settings.accounts());
        System.out.println("in_flight: " + settings.inFlights().stream().map(String::valueOf)
                .reduce((a, b) -> a + "," + b).orElse(""));
        System.out.println("default_in_flight: " + PoolSettings.DEFAULT_MAX_IN_FLIGHT);
        System.out.println("physical_limit_in_flight: " + StormSettings.BASELINE_IN_FLIGHT);
        System.out.println("lambda_environments: " + settings.lambdaEnvironments());
        System.out.println("lambda_batch: " + settings.lambdaBatch());
        System.out.println("warmup: " + settings.warmup());
        System.out.println("warmup_targets_per_run: "
                + StormSettings.WARMUP_ACCOUNTS * StormFleet.TARGETS_PER_ACCOUNT);
        System.out.println("enqueue: SqsWorkQueue SendMessageBatch x10, " + StormRun.SENDERS + " concurrent senders");
    }

    /** Per storm, figure by figure, every implementation's value next to the others'. */
    static void print(List<StormFigures> figures) {
        for (String storm : List.of("sleep", "wake")) {
            List<StormFigures> ofStorm = figures.stream().filter(f -> f.storm().equals(storm)).toList();
            Set<String> names = new LinkedHashSet<>();
            ofStorm.forEach(f -> names.addAll(f.values().keySet()));
            for (String name : names) {
                for (StormFigures f : ofStorm) {
                    if (f.values().containsKey(name)) {
                        System.out.println(storm + "." + f.implementation() + "." + name + ": " + f.values().get(name));
                    }
                }
            }
        }
    }
}
