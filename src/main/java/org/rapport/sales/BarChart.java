package org.rapport.sales;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * A bar chart for {@code static/js/charts.js} to draw with Chart.js: a label per bar group and series of values, one
 * per label. A series on the {@code percent} axis is drawn as a line over a 0–100 % scale on the right.
 *
 * @param labels the categories along the x axis (or the y axis when {@code horizontal})
 * @param series what is measured in each category, in the order of the legend
 */
record BarChart(List<String> labels, List<Series> series, boolean horizontal) {

    /** The colours of Bootstrap's palette the charts use. */
    static final String BLUE = "#0d6efd";
    static final String LIGHT_BLUE = "#9ec5fe";
    static final String INDIGO = "#6610f2";
    static final String TEAL = "#20c997";
    static final String GREEN = "#198754";
    static final String ORANGE = "#fd7e14";

    /** One series: a value per label (null where there is none). */
    record Series(String label, List<? extends Number> values, String color, String axis) {

        static Series bars(String label, List<? extends Number> values, String color) {
            return new Series(label, values, color, "value");
        }

        static Series percentLine(String label, List<? extends Number> values, String color) {
            return new Series(label, values, color, "percent");
        }
    }

    /** The chart as the JSON that the canvas carries in its {@code data-chart} attribute. */
    public String json() {
        return JsonMapper.shared().writeValueAsString(this);
    }
}
