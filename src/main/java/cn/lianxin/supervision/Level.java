package cn.lianxin.supervision;

import cn.lianxin.identity.Role;

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
            case STATION -> Role.STATION_HEAD.groupIdIn(villageCode);
            case TOWN -> Role.TOWN_CENTER.groupIdIn(townCode);
            case COUNTY -> Role.LEADER.groupId();
        };
    }
}
