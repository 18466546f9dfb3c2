package dev.offhours.simulator;

/** The collaborators every simulated client shares. */
record FleetRuntime(FleetConfig config, FleetTime time, FleetState state, CallGate gate, Sessions sessions,
                    FleetMetrics metrics) {

    /** The same fleet for operations whose latency an asynchronous client has already let pass. */
    FleetRuntime latencyElapsed() {
        return new FleetRuntime(config, time, state, gate.latencyElapsed(), sessions, metrics);
    }
}
