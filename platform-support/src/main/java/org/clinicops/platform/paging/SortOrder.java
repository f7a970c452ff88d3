package org.clinicops.platform.paging;

/**
 * One key of a sort: a property of the stored object and its direction.
 *
 * @param property the property's name as the object names it (the store maps it to its field)
 */
public record SortOrder(String property, Direction direction) {

    /** Ascending or descending. */
    public enum Direction {
        ASC,
        DESC
    }

    public static SortOrder asc(String property) {
        return new SortOrder(property, Direction.ASC);
    }

    public static SortOrder desc(String property) {
        return new SortOrder(property, Direction.DESC);
    }
}
