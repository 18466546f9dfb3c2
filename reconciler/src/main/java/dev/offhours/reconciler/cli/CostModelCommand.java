package dev.offhours.reconciler.cli;

import dev.offhours.core.savings.CostModel;
import dev.offhours.core.savings.PriceTable;
import dev.offhours.reconciler.api.SavingsEndpoint;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code cost-model [--targets N ...]}: what offhours itself costs per month at each fleet size, with the service's
 * worker pool and with the Lambda worker, against what the fleet saves; and whether provisioned DynamoDB capacity
 * scheduled before the waves costs less than on-demand. The assumptions are printed first.
 */
public final class CostModelCommand extends OffhoursCommand {

    public CostModelCommand(CliContext context) {
        super("cost-model", "What offhours costs per month at a fleet size, and whether provisioned DynamoDB pays",
                context);
    }

    @Override
    protected void addArguments(Subparser subparser) {
        subparser.addArgument("--targets").metavar("N").type(Integer.class).nargs("+")
                .setDefault(List.of(1_000, 10_000, 100_000)).help("fleet sizes (default 1000 10000 100000)");
        subparser.addArgument("--region").metavar("REGION").setDefault("us-east-1")
                .help("region of the instance price the savings use (default us-east-1)");
    }

    @Override
    protected void execute(Namespace namespace) {
        List<Integer> sizes = namespace.getList("targets");
        for (Integer size : sizes) {
            if (size == null || size < 1) {
                throw CommandFailure.usage("--targets takes fleet sizes of 1 or more, not " + size);
            }
        }
        PriceTable prices = SavingsEndpoint.shippedPrices();
        String region = namespace.getString("region");
        double price = prices.hourly(region, prices.assumedInstanceType()).orElseThrow(() -> CommandFailure.usage(
                "the price file has no " + prices.assumedInstanceType() + " price for region " + region));
        CostModel.Assumptions a = CostModel.Assumptions.defaults();
        PrintStream out = context.out();
        out.printf(Locale.ROOT, "assumptions: %d transitions a day; per target and transition %.1f DynamoDB write "
                        + "units, %.1f read units, %.1f SQS requests, %.0f spoke events; %.0f read units per target a "
                        + "day re-counting converged schedules; waves at %.0f targets/s; %d hub replicas; the fleet "
                        + "sleeps %.0f h a week with %.0f instances per target at %s %s/h (%s, prices of %s)%n%n",
                a.transitionsPerDay(), a.writeUnitsPerTargetTransition(), a.readUnitsPerTargetTransition(),
                a.sqsRequestsPerTargetTransition(), a.spokeEventsPerTargetTransition(),
                a.recountReadUnitsPerTargetDay(), a.targetsPerSecond(), a.hubReplicas(), a.asleepHoursPerWeek(),
                a.instancesPerTarget(), prices.assumedInstanceType(), String.format(Locale.ROOT, "%.4f", price), region,
                prices.priceDate());
        for (Integer size : sizes) {
            print(out, CostModel.estimate(size, a, price), prices.currency());
        }
    }

    private static void print(PrintStream out, CostModel.Estimate e, String currency) {
        out.printf(Locale.ROOT, "%,d targets (a wave takes %.1f min):%n", e.targets(), e.waveMinutes());
        row(out, "DynamoDB on demand", money(e.onDemand()), "");
        row(out, "DynamoDB provisioned, scaled up for each wave", money(e.provisioned()), "  -> " + (e.provisionedPays()
                        ? String.format(Locale.ROOT, "pays: %s less a month", money(e.onDemand() - e.provisioned()))
                        : String.format(Locale.ROOT, "does not pay: %s more a month",
                        money(e.provisioned() - e.onDemand()))));
        for (CostModel.Item item : e.service()) {
            row(out, item.name(), money(item.monthly()), "");
        }
        row(out, "total with the service's worker pool", money(e.serviceTotal()), " " + currency + " a month");
        row(out, "total with the Lambda worker (instead of the pool)", money(e.lambdaTotal()),
                " " + currency + " a month");
        row(out, "what the fleet's sleep saves", money(e.fleetSavesPerMonth()), String.format(Locale.ROOT,
                " %s a month (offhours costs %.3f %% of it)", currency,
                100 * e.serviceTotal() / e.fleetSavesPerMonth()));
        out.println();
    }

    private static void row(PrintStream out, String name, String amount, String note) {
        out.printf(Locale.ROOT, "  %-74s %14s%s%n", name, amount, note);
    }

    private static String money(double value) {
        return String.format(Locale.ROOT, "%,.2f", value);
    }
}
