package cn.lianxin.appeal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The cases' side of {@link CaseFiles}: the case, its category, path and light, and its log. */
@Component
class AppealFiles implements CaseFiles {

    private final Appeals appeals;

    AppealFiles(Appeals appeals) {
        this.appeals = appeals;
    }

    @Override
    public boolean handles(String number) {
        return number.startsWith(AppealIntake.NUMBER_PREFIX);
    }

    @Override
    public String numberVariable() {
        return AppealProcess.Variables.TRACKING_NO;
    }

    @Override
    public Map<String, Card> cards(Collection<String> numbers) {
        Map<String, Card> cards = new HashMap<>();
        appeals.byTrackingNos(numbers)
                .forEach((number, appeal) -> cards.put(
                        number,
                        new Card(
                                number,
                                appeal.description(),
                                appeal.category().label(),
                                appeal.villageCode(),
                                appeal.path() == null ? null : appeal.path().label(),
                                appeal.light())));
        return cards;
    }

    @Override
    public List<Entry> log(String number) {
        return appeals.log(number).stream()
                .map(e -> new Entry(e.loggedAt(), e.actor(), e.kind(), e.entry()))
                .toList();
    }
}
