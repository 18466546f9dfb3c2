package dev.offhours.reconciler.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;

/**
 * The {@code store:} section: the hub's three tables in DynamoDB (production, every replica shares them) or in an
 * embedded file store (demo, single machine; one process at a time).
 */
public class StoreConfig {

    public enum Type {
        @JsonProperty("dynamodb") DYNAMODB,
        @JsonProperty("embedded") EMBEDDED
    }

    @NotNull
    @JsonProperty
    private Type type = Type.DYNAMODB;

    /** Embedded store: the folder of its data file. */
    @JsonProperty
    private String dataDirectory = "offhours-data";

    @NotBlank
    @JsonProperty
    private String operationsTable = "offhours-operations";

    @NotBlank
    @JsonProperty
    private String inventoryTable = "offhours-inventory";

    @NotBlank
    @JsonProperty
    private String controlTable = "offhours-control";

    /** DynamoDB: create missing tables at start (tests, trials); in production the Pulumi hub stack owns them. */
    @JsonProperty
    private boolean createTables;

    @ValidationMethod(message = "store.dataDirectory is needed when store.type is embedded: give a folder for its "
            + "data file")
    @JsonIgnore
    public boolean isDataDirectoryGivenWhenEmbedded() {
        return type != Type.EMBEDDED || (dataDirectory != null && !dataDirectory.isBlank());
    }

    public Type type() {
        return type;
    }

    public Path dataDirectory() {
        return Path.of(dataDirectory);
    }

    public String operationsTable() {
        return operationsTable;
    }

    public String inventoryTable() {
        return inventoryTable;
    }

    public String controlTable() {
        return controlTable;
    }

    public boolean createTables() {
        return createTables;
    }

    public StoreConfig type(Type value) {
        this.type = value;
        return this;
    }

    public StoreConfig dataDirectory(Path value) {
        this.dataDirectory = value.toString();
        return this;
    }

    public StoreConfig tables(String operations, String inventory, String control) {
        this.operationsTable = operations;
        this.inventoryTable = inventory;
        this.controlTable = control;
        return this;
    }

    public StoreConfig createTables(boolean value) {
        this.createTables = value;
        return this;
    }
}
