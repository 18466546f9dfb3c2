package dev.offhours.pulumi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.pulumi.MockedStack;
import dev.offhours.store.dynamodb.HubTableDefinitions;
import dev.offhours.store.dynamodb.HubTableDefinitions.TableNames;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/** The hub stack declares exactly the tables the code creates and queries (HubTableDefinitions). */
class HubTablesTest {

    private static MockedStack.Run run;

    @BeforeAll
    static void runHub() {
        run = HubFixtures.run(HubFixtures.organizationConfig());
        assertThat(run.result().exitCode()).as(run.errors()).isZero();
    }

    static List<CreateTableRequest> codeDefinitions() {
        return HubTableDefinitions.all(TableNames.withPrefix("offhours-"));
    }

    @ParameterizedTest
    @MethodSource("codeDefinitions")
    void keysAttributesAndBillingEqualTheCode(CreateTableRequest code) {
        MockedStack.Declared table = run.withInput("aws:dynamodb/table:Table", "name", code.tableName());
        assertThat(table.string("billingMode")).isEqualTo(code.billingModeAsString());
        assertThat(table.string("hashKey")).isEqualTo(key(code, KeyType.HASH));
        assertThat(table.string("rangeKey")).isEqualTo(key(code, KeyType.RANGE));
        assertThat(attributes(table.inputs().get("attributes"))).isEqualTo(code.attributeDefinitions().stream()
                .map(a -> a.attributeName() + ":" + a.attributeTypeAsString()).collect(java.util.stream.Collectors.toSet()));
    }

    @ParameterizedTest
    @MethodSource("codeDefinitions")
    void globalSecondaryIndexesEqualTheCode(CreateTableRequest code) {
        MockedStack.Declared table = run.withInput("aws:dynamodb/table:Table", "name", code.tableName());
        Set<String> declared = new HashSet<>();
        Object indexes = table.inputs().get("globalSecondaryIndexes");
        if (indexes != null) {
            for (Object index : (List<?>) indexes) {
                Map<?, ?> gsi = (Map<?, ?>) index;
                declared.add(gsi.get("name") + "(" + gsi.get("hashKey") + "," + gsi.get("rangeKey") + ") "
                        + gsi.get("projectionType"));
            }
        }
        Set<String> expected = new HashSet<>();
        code.globalSecondaryIndexes().forEach(gsi -> expected.add(gsi.indexName() + "("
                + gsi.keySchema().stream().filter(k -> k.keyType() == KeyType.HASH).findFirst().orElseThrow().attributeName()
                + "," + gsi.keySchema().stream().filter(k -> k.keyType() == KeyType.RANGE).map(k -> k.attributeName())
                .findFirst().orElse(null) + ") " + gsi.projection().projectionTypeAsString()));
        assertThat(declared).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("codeDefinitions")
    void pointInTimeRecoveryEncryptionAndDeletionProtectionAreOn(CreateTableRequest code) {
        MockedStack.Declared table = run.withInput("aws:dynamodb/table:Table", "name", code.tableName());
        assertThat(table.map("pointInTimeRecovery")).containsEntry("enabled", true);
        assertThat(table.map("serverSideEncryption")).containsEntry("enabled", true);
        assertThat(table.inputs()).containsEntry("deletionProtectionEnabled", true);
    }

    @ParameterizedTest
    @MethodSource("codeDefinitions")
    void timeToLiveIsOnWhereTheCodeSwitchesItOn(CreateTableRequest code) {
        MockedStack.Declared table = run.withInput("aws:dynamodb/table:Table", "name", code.tableName());
        boolean expiring = !code.tableName().endsWith("inventory");
        if (expiring) {
            assertThat(table.map("ttl")).containsEntry("attributeName", "ttl").containsEntry("enabled", true);
        } else {
            assertThat(table.inputs()).doesNotContainKey("ttl");
        }
    }

    private static String key(CreateTableRequest request, KeyType type) {
        return request.keySchema().stream().filter(k -> k.keyType() == type).map(k -> k.attributeName()).findFirst()
                .orElse(null);
    }

    private static Set<String> attributes(Object declared) {
        Set<String> names = new HashSet<>();
        for (Object attribute : (List<?>) declared) {
            Map<?, ?> a = (Map<?, ?>) attribute;
            names.add(a.get("name") + ":" + a.get("type"));
        }
        return names;
    }
}
