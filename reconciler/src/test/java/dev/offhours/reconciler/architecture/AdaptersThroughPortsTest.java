package dev.offhours.reconciler.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The service and the worker reach storage through the ports of core: the DynamoDB adapters are picked in one
 * place each (the service's {@code HubStores}, the Lambda function's wiring), and the demo's simulated fleet never
 * reaches production code. The build's {@code service-without-demo} rule keeps the simulator out of the service's
 * dependencies; this keeps the code honest about the adapters.
 */
@AnalyzeClasses(packages = {"dev.offhours.reconciler", "dev.offhours.worker"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class AdaptersThroughPortsTest {

    private static final String DYNAMODB_ADAPTERS = "dev.offhours.store.dynamodb..";

    @ArchTest
    static final ArchRule theServicePicksItsStoresInOnePlace = noClasses()
            .that().resideInAPackage("dev.offhours.reconciler..")
            .and().resideOutsideOfPackages("dev.offhours.reconciler.service..", "dev.offhours.reconciler.store..")
            .and().doNotHaveFullyQualifiedName("dev.offhours.reconciler.lambda.StatusApiFunction")
            .should().dependOnClassesThat().resideInAPackage(DYNAMODB_ADAPTERS)
            .because("the loops, the API and discovery use the ports; service/HubStores picks the adapters for the"
                    + " service, lambda/StatusApiFunction for the status API's function");

    @ArchTest
    static final ArchRule theWorkerUsesPortsExceptInTheLambdaWiring = noClasses()
            .that().resideInAPackage("dev.offhours.worker..")
            .and().resideOutsideOfPackage("dev.offhours.worker.runtime.lambda..")
            .should().dependOnClassesThat().resideInAPackage(DYNAMODB_ADAPTERS)
            .because("the worker uses the ports; the service and the Lambda function hand it the stores");

    @ArchTest
    static final ArchRule noSimulatorOrDemoInProductionCode = noClasses()
            .that().resideInAnyPackage("dev.offhours.reconciler..", "dev.offhours.worker..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.offhours.simulator..", "dev.offhours.demo..")
            .because("the simulated fleet reaches the service only from the demo module, as an argument");
}
