package cn.lianxin.supervision;

/** 督办层级: who is answerable at each level, from the station up to the county's leaders. */
enum Level {
    STATION("站点督办"),
    TOWN("镇级督办"),
    COUNTY("县领导督办");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    Level next() {
        return this == STATION ? TOWN : COUNTY;
    }

    /** The group told when a supervision reaches this level. */
    String responsibleGroup(String villageCode, String townCode) {
        return switch (this) {
            case STATION -> "station-head-" + villageCode;
            case TOWN -> "town-center-" + townCode;
            case COUNTY -> "leader";
        };
    }
}
