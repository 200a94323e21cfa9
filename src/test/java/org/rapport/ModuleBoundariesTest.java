package org.rapport;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Modules only use each other's public top-level types, and no two modules depend on each other in a cycle. */
class ModuleBoundariesTest {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(RapportApplication.class).verify();
    }
}
