package org.rapport.shared;

/**
 * Adds a module's demo records when Rapport starts on an empty database with demo data on.
 * Contributors run in ascending {@link #order()}; identity (departments, users) runs first at 0.
 */
public interface DemoDataContributor {

    int order();

    void load();
}
