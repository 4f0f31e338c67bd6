package cn.lianxin.service;

/** The values the three lists (三张清单) know, with their Chinese labels. */
final class ListKinds {

    private ListKinds() {}

    /** Who offers a service on the resource list (资源清单). */
    enum ProviderKind {
        UNIT("单位"),
        PARTY_MEMBER("党员"),
        VOLUNTEER("志愿者"),
        PARTNER("共建单位");

        final String label;

        ProviderKind(String label) {
            this.label = label;
        }

        /** A person's name is not published: the portal shows only that a party member or volunteer offers it. */
        boolean isPerson() {
            return this == PARTY_MEMBER || this == VOLUNTEER;
        }
    }

    /** Where a need on the need list (需求清单) came from. */
    enum NeedSource {
        RESIDENT("群众提出"),
        APPEAL("诉求转为需求"),
        VISIT("走访发现");

        final String label;

        NeedSource(String label) {
            this.label = label;
        }
    }

    /** Where a project on the project list (项目清单) stands. */
    enum ProjectStatus {
        PLANNED("计划中"),
        ONGOING("实施中"),
        DONE("已完成"),
        CLOSED("已关闭");

        final String label;

        ProjectStatus(String label) {
            this.label = label;
        }
    }
}
