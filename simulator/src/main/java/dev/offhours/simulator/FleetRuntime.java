package dev.offhours.simulator;

/** The collaborators every simulated client shares. */
record FleetRuntime(FleetConfig config, FleetTime time, FleetState state, CallGate gate, Sessions sessions,
                    FleetMetrics metrics) {
}
