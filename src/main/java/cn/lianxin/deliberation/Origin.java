package cn.lianxin.deliberation;

/** Where a topic came from; the seeds aim for at least 40% from citizens. */
enum Origin {
    CITIZEN("群众提出"),
    CADRE("干部提出"),
    APPEAL("诉求转化");

    private final String label;

    Origin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
