"""Finding codes of the practice checks (consent, plausibility, household, casebook-wide):
severity, Korean and English, merged into `messages.MESSAGES`."""

from __future__ import annotations

E, W = "error", "warning"

# a refusal of consent to case management that later records go against (rules_practice._consent_against)
_REFUSED = (
    E,
    "{date}에 사례관리 동의를 거부했다고(action: refused) 적었는데 그 뒤에 {what} 기록 {count}개({names})가 "
    "있습니다. 동의 없이 사정·계획·실행하지 않습니다. 잘못 적은 것이면 이 값을 given으로 고치세요. 거부가 맞다면 "
    "이 기록들은 있으면 안 됩니다: 다른 사례의 기록이면 그 사례로 옮기고, 아니면 지운 뒤 종결 기록으로 마치세요. "
    "그 뒤에 동의를 받았다면 그날 기록의 consents에 새 동의(action: given)를 적으세요.",
    "consent to case management refused on {date} (action: refused), yet {count} later {what_en} record(s) "
    "follow: {names}; if the action is a slip, make it given; if the client did refuse, those records "
    "do not belong here (move them to their case, or delete them and close the case), and a consent "
    "given later is a new entry (action: given) in that day's record",
)

PRACTICE_MESSAGES: dict[str, tuple[str, str, str]] = {
    "eligible-without-consent": (
        E,
        "사례관리 대상으로 판정했는데 사례관리 동의가 없습니다. 동의를 받았다면 consents에 "
        "'scope: case_management, action: given'으로 적고, 받지 못했다면 대상 여부를 다시 판단하세요.{also}",
        "the intake decides the client is eligible but there is no consent to case management",
    ),
    "assessment-without-consent": _REFUSED,
    "plan-without-consent": _REFUSED,  # (a refusal no assessment goes against, only a plan: the same words)
    "consent-after-assessment": (
        W,
        "사례관리 동의일({date})이 {record}({record_date})보다 늦습니다. 사정과 계획은 사례관리 동의를 받은 뒤에 "
        "합니다. 동의를 먼저 받았다면 동의서의 날짜로 고치고, 나중에 받았다면 그 사정이나 계획을 동의 뒤에 다시 "
        "확인하세요.",
        "consent to case management is dated {date}, after {record_en} ({record_date}): assess and plan only after "
        "consent; if it was given earlier, write the date on the consent form",
    ),
    "consent-after-record": (
        W,
        "동의 날짜({date})가 이 기록의 날짜({record_date})보다 한 달 넘게 뒤입니다. 동의는 받은 날의 기록에 적습니다"
        "(철회나 새 동의는 그날의 점검·사례회의·종결 기록에).{shares}{hint}",
        "a consent dated {date}, over a month after this record ({record_date}): a consent is written in the record "
        "of the day it was given{shares_en}{hint_en}",
    ),
    "after-withdrawal": (
        E,
        "{withdrawn}에 사례관리 동의를 철회했다고(action: withdrawn) 적었는데 그 뒤에 {what} 기록 {count}개({names})가 "
        "이어집니다. 철회한 뒤에는 종결(과 사후관리, 사례회의)만 올 수 있습니다. 철회가 맞다면 이 기록들 대신 종결 "
        "기록(reason: withdrew)으로 마치고, 그 사이 동의를 다시 받았다면 그날 기록의 consents에 새 동의(action: given)를 "
        "적으세요. 철회를 잘못 적은 것이면 이 동의 항목을 지우세요.",
        "consent to case management withdrawn on {withdrawn}, yet {count} later {what_en} record(s) follow: {names}; "
        "after a withdrawal only closure (and follow-up, conferences) may come: close the case (reason: withdrew), "
        "or write the consent given again as a new entry (action: given) in that day's record; if the withdrawal "
        "is a slip, delete this entry",
    ),
    "sharing-without-consent": (
        E,
        "'{resource}'에 정보를 제공(연계·의뢰)했는데, {date}에 이 기관에 대한 정보 제공 동의가 없습니다. "
        "consents에 'scope: information_sharing'과 resources에 이 기관을 적으세요.",
        "information shared with '{resource}' (linking or referral) on {date} without consent covering it",
    ),
    "sharing-refused": (
        E,
        "{date}에 정보 제공 동의를 {action_ko}했다고(action: {action}) 적었는데 그 뒤 기록 {count}개({names})에서 "
        "기관 {agency_count}곳({agencies})에 정보를 {shares}번 제공(연계·의뢰)했습니다. 잘못 적은 것이면 이 값을 "
        "given으로 고치세요. {action_ko}이(가) 맞다면 이 기관들에 정보를 줄 수 없습니다: 그 뒤 동의를 다시 받았다면 그날 "
        "기록의 consents에 새 동의(action: given)를 적고, 동의 없이 정보를 준 것이면 슈퍼바이저와 상의해 기록을 남기세요.",
        "consent to share information {action} on {date}, yet {count} later record(s) ({names}) share it with "
        "{agency_count} agency(ies) ({agencies}), {shares} time(s); if the action is a slip, make it given; if not, "
        "write the consent given again as a new entry (action: given) in that day's record, or, shared without "
        "consent, record it with your supervisor",
    ),
    "child-consent-self": (
        W,
        "아동(만 14세 미만)의 개인정보 처리와 사례관리는 법정대리인의 동의가 필요합니다(개인정보보호법 제22조의2). "
        "by: legal_guardian과 relation을 적으세요.",
        "a child (under 14) cannot consent alone; record the legal representative's consent (by: legal_guardian, relation)",
    ),
    "selection-before-assessment": (
        W,
        "대상자 구분·선정은 욕구 및 위기도 조사(사정) 뒤에 합니다. 앞에 사정 기록이 없습니다.",
        "the case type is selected after the assessment; no assessment precedes this conference",
    ),
    "goal-not-agreed": (
        W,
        "클라이언트가 목표 {goal}에 동의하지 않았습니다(client_agreed: false). 이 목표의 note에 그 이유를 적으세요.",
        "the client did not agree to goal {goal}; give the reason in its note",
    ),
    "goals-achieved-not-all": (
        W,
        "종결 사유가 '목표 달성'인데 목표 {goals}의 결과는 '미달성' 또는 '중단'입니다. 모든 목표를 이루지 못했다면 "
        "종결 사유를 실제 사유(예: 전환, 타 기관 이관, 기타와 설명)로 적거나 목표별 결과를 확인하세요.",
        "closure reason is goals_achieved but goal(s) {goals} were not achieved or dropped; check the reason or the results",
    ),
    "closure-without-monitoring": (
        W,
        "목표 달성으로 종결하는데 계획({plan}) 뒤에 점검 기록이 없습니다. 목표별 달성 여부를 점검한 기록을 먼저 "
        "남겼는지 확인하세요(casekit add <사례> 점검). 점검 없이 끝났다면 종결 사유를 실제 사유로 적으세요.",
        "closure with goals achieved but no 점검 (monitoring) after the plan ({plan}): record the review of the goals "
        "first, or write the actual reason",
    ),
    "goals-achieved-but-none": (
        E,
        "종결 사유가 '목표 달성'인데 결과가 '달성'인 목표가 하나도 없습니다. 종결 사유나 목표별 결과를 확인하세요.",
        "closure reason is goals_achieved but no goal's result is achieved",
    ),
    "withdrew-without-words": (
        W,
        "클라이언트 거부·철회로 종결하면서 클라이언트의 말이 없습니다. 종결 사유가 평가하지 못한 목표를 설명하니 빠뜨린 "
        "것은 아니지만, 왜 그만두는지는 클라이언트의 말로 남겨야 나중에 다시 만날 때 도움이 됩니다. client_words에 "
        "클라이언트가 한 말 그대로 적으세요(reason_note에 따옴표로 옮겨 적어도 됩니다).",
        "closure because the client withdrew, without the client's own words: the reason accounts for goals left "
        "unevaluated, but the client's reasons help when the case is met again: write them in client_words "
        "(or quoted in reason_note)",
    ),
    "date-future": (
        W,
        "기록 날짜 {date}이(가) 오늘({today})보다 뒤입니다. 기록은 있었던 일을 적는 것이니 날짜를 확인하세요"
        "(앞으로 할 일은 다음 점검일·목표일에 적습니다).",
        "the record's date {date} is after today ({today}); a record tells what happened: check the date",
    ),
    "agreement-future": (
        W,
        "계획에 동의한 날 {date}이(가) 오늘({today})보다 뒤입니다. 동의는 받은 날을 적습니다: 아직 받지 않았다면 "
        "받은 뒤에 적으세요.",
        "the plan's agreement date {date} is after today ({today}); write the day the client agreed, once they have",
    ),
    "case-copied": (
        W,
        "이 사례 기록 {count}개({names})의 본문이 다른 사례 {other}의 기록(이 기록은 {other_name})과 글자 하나 다르지 "
        "않습니다. 다른 사례를 복사해 새 사례를 시작했다면 그 클라이언트의 이야기와 연락처가 남아 있습니다: 이 "
        "클라이언트의 내용으로 다시 쓰세요.",
        "{count} records of this case ({names}) have bodies word for word another case's ({other}: this one is "
        "{other_name}); a case copied to start a new one keeps the other client's story and contacts: rewrite them",
    ),
    "closure-unreachable-reached": (
        W,
        "종결 사유가 연락 두절(unreachable)인데, 그 뒤 사후관리({followup})에서 클라이언트와 연락이 닿아 상태를 "
        "'{status}'(으)로 보았습니다. 종결 사유를 잘못 골랐다면 고치세요.",
        "the closure's reason is unreachable, yet the follow-up after it ({followup}) reached the client "
        "('{status}'): correct the reason if another was meant",
    ),
    "closure-achieved-unreviewed": (
        W,
        "종결에서 '달성'으로 평가한 목표 {goals}은(는) 마지막 점검({monitoring})에서 정체되었거나 시작 전이었고, 그 뒤 점검이 "
        "없습니다. 달성을 확인한 점검을 기록하거나, 결과를 실제대로 고치세요.",
        "goal(s) {goals} judged achieved at closure were stalled or not started at the last monitoring ({monitoring}), "
        "with no review since: record the review that found them achieved, or correct the result",
    ),
    "household-mismatch": (
        W,
        "가구 형태는 혼자 사는 가구인데 가구원이 {count}명 적혀 있습니다: {members}. 가구원(household_members)은 함께 "
        "사는 사람입니다: 따로 사는 가족은 사정 기록의 비공식 지지체계(informal_supports)에 적고, 함께 산다면 가구 형태를 "
        "고치세요.",
        "the household is written as living alone, yet {count} household members are listed ({members}): household "
        "members live with the client; put family living apart among the informal supports, or correct the household",
    ),
    "agreement-before-plan": (
        W,
        "계획에 동의한 날 {date}이(가) 계획 날짜({plan_date})보다 한 달 넘게 앞섭니다. 동의는 계획을 세우며 받습니다: "
        "동의서의 날짜를 적으세요.{hint}",
        "the plan's agreement date {date} is over a month before the plan ({plan_date}): a plan is agreed as it is "
        "made; write the date on the agreement{hint_en}",
    ),
    "done-future": (
        W,
        "할 일을 마친 날 {date}이(가) 오늘({today})보다 뒤입니다. 마친 뒤에 적으세요: 마친 날을 적은 할 일은 "
        "casekit due에 나오지 않습니다.",
        "a task's done date {date} is after today ({today}); write it once the task is done: casekit due "
        "no longer lists a task marked done",
    ),
    "birth-after-record": (
        E,
        "생년월일 {birth}이(가) 이 기록의 날짜 {date}보다 뒤입니다. 생년월일을 확인하세요.",
        "birth date {birth} is after this record's date {date}; check it",
    ),
    "age-group-mismatch": (
        W,
        "연령대 {group}이(가) 생년월일 {birth}로 센 접수일({date}) 나이 만 {age}세와 맞지 않습니다: 만 {age}세는 "
        "{expected}입니다(아동 child 0~12세, 청소년 youth 13~18세, 청년·성인 adult 19~39세, 중장년 middle_aged "
        "40~64세, 노인 older 65세 이상). 연령대와 생년월일 중 틀린 쪽을 고치세요: 아동의 동의 같은 규칙이 연령대를 읽습니다.",
        "age group {group} does not fit the client's age on the intake's date ({date}) from the birth date {birth}: "
        "{age}, which is {expected}; correct whichever is wrong (rules such as a child's consent read the age group)",
    ),
    "birth-too-early": (
        W,
        "생년월일 {birth}: 1900년 전입니다. 연도를 잘못 적지 않았는지 확인하세요(예: 1855 → 1955).",
        "birth date {birth} is before 1900; check the year",
    ),
    "next-before-record": (
        W,
        "{what} {next}이(가) 이 기록의 날짜 {date}보다 앞입니다. 다음 날짜는 기록 날짜 뒤로 적으세요.",
        "the next date ({what}) {next} is before this record's date {date}; it should come after",
    ),
    "followup-crisis-left": (
        W,
        "사후관리에서 현재 상태를 '{status}'(으)로 보았는데 재개하지 않고(reopen이 true가 아님) 다음 확인도 없어, 이 사례는 casekit due와 "
        "현황에서 할 일이 없는 사례가 됩니다. 다시 개입한다면 reopen: true로 하고 재개 접수를 쓰세요(casekit add {case} 접수). "
        "다른 기관에 맡겼다면 note에 적고 next_check에 다시 확인할 날을 적으세요.",
        "a follow-up judges the client '{status}', yet does not reopen the case nor set a next check: it leaves every list",
    ),
    "followup-done-with-next": (
        W,
        "사후관리를 마친다고(aftercare_done: true) 하면서 다음 확인일 {date}을(를) 적었습니다. 마친 사례의 다음 확인일은 "
        "casekit due에 나오지 않습니다: 이어서 확인한다면 aftercare_done을 지우고, 마친다면 next_check를 지우세요.",
        "the follow-up ends (aftercare_done: true) yet sets a next check {date}, which casekit due leaves out: "
        "drop aftercare_done to go on, or next_check to end",
    ),
    "initial-again": (
        W,
        "이 사례에는 앞선 {stage_ko}({earlier})이(가) 있는데 이 {stage_ko}을(를) type: initial(최초)로 적었습니다. 같은 접수 뒤의 "
        "두 번째 {stage_ko}이라면 type: {meant}({meant_ko})로 적으세요.",
        "an earlier {stage_ko} ({earlier}) exists in this episode: a second one is type: {meant}",
    ),
    "next-far-after-record": (
        W,
        "{what} {next}이(가) 이 기록의 날짜 {date}보다 반년 넘게 뒤입니다. 그때까지 casekit due에 이 일이 나오지 않습니다.{hint}",
        "the next date ({what}) {next} is more than half a year after this record's date {date}{hint_en}",
    ),
    "task-before-meeting": (
        E,
        "{what} {task_date}이(가) 이 사례회의 날짜 {date}보다 앞입니다. 회의에서 정한 할 일은 회의 뒤에 "
        "합니다: 날짜를 확인하세요. {advice}",
        "a task's {what_en} {task_date} is before this conference's date {date}; a task the conference gives comes "
        "after it: check the date; {advice_en}",
    ),
    "date-far-future": (
        E,
        "날짜 {date}: 오늘({today})보다 {span} 넘게 뒤입니다. 연도를 잘못 적지 않았는지 확인하세요.",
        "date {date} is more than {span_en} after today ({today}); check the year",
    ),
    "target-date-far": (
        W,
        "목표 {goal}의 목표일 {date}이(가) 오늘({today})보다 1년 넘게 뒤입니다. 장기목표라면 그대로 두어도 되지만, 연도를 "
        "잘못 적지 않았는지 확인하세요. 장기목표는 점검 때마다 진행을 적고 재사정·수정 계획에서 다시 보세요.",
        "goal {goal}'s target date {date} is more than a year after today ({today}): fine for a long-term goal, "
        "but check the year; review a long-term goal at every monitoring and revised plan",
    ),
    "date-gap": (
        W,
        "기록 날짜 {date}: 앞 기록({prev_date})보다 {years}년 넘게 뒤입니다. 연도를 잘못 적지 않았는지 확인하세요.",
        "record date {date} is more than {years} year(s) after the previous record ({prev_date}); check the year",
    ),
    "target-before-plan": (
        E,
        "목표 {goal}의 목표일({date})이 계획 날짜({plan_date})보다 이릅니다.",
        "goal {goal}'s target date {date} is before the plan's date {plan_date}",
    ),
    "review-before-plan": (
        E,
        "첫 점검 예정일({date})이 계획 날짜({plan_date})보다 이릅니다.",
        "the review date {date} is before the plan's date {plan_date}",
    ),
    "service-ends-before-start": (
        E,
        "서비스 종료일({end})이 시작일({start})보다 이릅니다.",
        "the service ends ({end}) before it starts ({start})",
    ),
    "revised-plan-without-earlier": (
        E,
        "수정 계획(type: revised)인데 앞에 고칠 계획이 없습니다. 첫 계획이면 type: initial로 적으세요.",
        "a revised plan without an earlier plan; a first plan is type: initial",
    ),
    "revised-plan-without-reason": (
        E,
        "수정 계획에 수정 사유(revision_reason)가 없습니다. 무엇이 왜 바뀌었는지 적으세요.",
        "a revised plan needs a revision_reason: what changed and why",
    ),
    "reassessment-first": (
        E,
        "사례(또는 재접수한 회기)의 첫 사정인데 재사정(reassessment)으로 적었습니다. 첫 사정은 type: initial입니다.",
        "the first assessment of the case (or of its reopened episode) is typed as a reassessment; use type: initial",
    ),
    "followup-reopen-and-done": (
        W,
        "재개 필요(reopen: true)와 사후관리 종료(aftercare_done: true)를 함께 적었습니다. 사후관리를 마치면 재접수 "
        "기한도 보이지 않으니, 다시 열 사례라면 aftercare_done을 지우거나 false로 적으세요.",
        "reopen: true with aftercare_done: true: ending the follow-up hides the reopening's deadline; if the case "
        "is to be reopened, drop aftercare_done or set it to false",
    ),
    "reopening-closure-date": (
        W,
        "재접수의 previous_closure {date}이(가) 앞 종결 기록({file})의 날짜({closure})와 다릅니다. {closure}(으)로 고치세요.",
        "reopening.previous_closure {date} is not the date of the closure before it ({file}: {closure})",
    ),
    "inactive-resource": (
        W,
        "진행 중인 계획에 운영 중단(status: inactive)된 자원이 있습니다: '{ref}'. 다른 자원을 연계하세요.",
        "the open plan names resource '{ref}', which is marked inactive; link another",
    ),
    "unknown-member": (
        E,
        "가구원 목록(household_members)에 없는 가구원입니다: '{member}'({item}). 있는 가구원: {known}",
        "household member '{member}' ({item}) is not in household_members; known: {known}",
    ),
    "risk-level-mismatch": (
        W,
        "위기도를 '{level}'(으)로 적었는데 {why}. 위기도나 욕구의 심각도를 다시 보세요.",
        "the risk level is {level_en} but {why_en}: look at the risk level or the needs' severity again",
    ),
    "after-death": (
        W,
        "종결 사유가 '사망'({closure})인데 {what}. 사유를 잘못 골랐다면 고치세요. 유가족을 돕는 "
        "것이라면 그 가족을 클라이언트로 새 사례를 여세요.",
        "the closure's reason is deceased ({closure}), yet {what_en}: correct the reason if it was "
        "picked by mistake; to support the bereaved family, open a case for them",
    ),
    "aftercare-none-with-check": (
        W,
        "사후관리 계획(aftercare.plan)은 '없음'인데 첫 사후관리일(first_check: {first})이 있습니다. 사후관리를 하지 "
        "않는다면 first_check 줄을 지우세요(`casekit due`에 그날 사후관리가 나옵니다). 한다면 plan에 방법(예: 한 달 뒤 "
        "전화로 안부 확인)을 적으세요.",
        "the aftercare plan says none, yet a first follow-up date is written ({first}): delete first_check if there is "
        "no follow-up (`casekit due` lists it), or write in plan how it is done",
    ),
    "goal-id-reused": (
        W,
        "목표 {goal}은(는) 앞선 계획 {plan}에서 '{old}'였는데, 이 계획에서는 '{new}'입니다. 다른 목표에 같은 번호를 쓰면 뒤의 "
        "점검·종결 기록의 {goal}이(가) 어느 목표인지 알 수 없습니다. 새 목표라면 {free}처럼 새 번호를 쓰세요(같은 목표를 고쳐 "
        "쓴 것이라면 그대로 두세요).",
        "goal {goal} was '{old}' in the earlier plan {plan} and is '{new}' here: the monitoring and closure after it "
        "cannot tell which goal {goal} is; give a new goal a new id such as {free}",
    ),
    "record-copied": (
        W,
        "본문이 앞선 기록 {other}의 본문과 한 글자도 다르지 않습니다. 앞 기록을 복사해 만든 뒤 본문을 고치지 않았나요? 이번 "
        "{stage_ko}의 내용으로 고쳐 쓰세요.",
        "the body is word for word that of the earlier record {other}: was it copied and never rewritten?",
    ),
    "need-not-planned": (
        W,
        "{assessment}에서 {what}을(를) 다루는 목표가 이 계획에 없습니다. "
        "{entry} 다른 기관에 맡겼다면 그 연계도 목표로 적습니다.",
        "no goal of this plan addresses {what_en} in {assessment}: add {entry_en}",
    ),
    "goal-member-mismatch": (
        W,
        "목표 {goal}의 가구원({member})과 이 목표가 다루는 욕구 {need}의 가구원({need_member})이 다릅니다.",
        "goal {goal} is filed under {member} but its need {need} belongs to {need_member}",
    ),
    "track-deprecated": (
        W,
        "접수의 track은 이전 항목입니다. 대상자 구분은 사정 후 assessment의 selection.case_type"
        "(intensive 고난도 / general 일반 / service_linkage 서비스연계)에 적으세요.",
        "track at intake is deprecated; record the case type after the assessment in selection.case_type",
    ),
    "resident-number-mismatch": (
        E,
        "주민등록번호가 이 접수 기록의 다른 내용과 맞지 않습니다: {what}. 신분증이나 등본과 대조해 고치세요.",
        "the resident registration number does not fit this intake: {what}; compare it with the ID card",
    ),
    "resident-number-kept": (
        W,
        "주민등록번호가 적혀 있습니다. 법령 근거 없이는 처리할 수 없으니(개인정보보호법 제24조의2) 지우세요. "
        "근거가 있으면 casekit.yml에 allow_resident_number: true를 적습니다.",
        "a resident registration number is kept; without a legal basis (PIPA §24-2) delete it, "
        "or set allow_resident_number: true in casekit.yml",
    ),
    "client-duplicate": (
        W,
        "이 클라이언트(이름과 생년월일이 같음)는 진행 중인 사례 {other}에도 있습니다. 같은 사람이면 새 사례를 "
        "만들지 말고 {other}에 기록을 이어 가거나, 종결 뒤라면 재개 접수(reopening)로 적으세요. 다른 사람이면 "
        "생년월일을 확인하세요.",
        "this client (same name and birth date) is also open as case {other}; continue that case (or reopen "
        "it) rather than a second one, or check the birth date",
    ),
    "client-returning": (
        W,
        "이 클라이언트(이름과 생년월일이 같음)는 {closed}에 종결한 사례 {other}의 클라이언트입니다. 다시 돕는 것이면 새 "
        "사례를 열지 말고 {other} 폴더에 재개 접수(접수 기록에 reopening: previous_closure: {closed})로 이어 적으세요: "
        "그래야 지난 사정, 계획과 사후관리가 한 사례에 이어집니다. 다른 사람이면 생년월일을 확인하세요.",
        "this client (same name and birth date) is the client of case {other}, closed on {closed}; a returning "
        "client's new intake goes into {other}, marked as a reopening (reopening: previous_closure: {closed}), so "
        "the history stays one case; if it is someone else, check the birth date",
    ),
    "alias-duplicate": (
        W,
        "가명 표기 '{alias}': 진행 중인 사례 {other}의 가명과 같습니다. 현황판에서 헷갈리지 않게 "
        "'김○수'처럼 글자를 더 보이거나 연령대를 붙이세요.",
        "alias '{alias}' is the same as open case {other}; make it distinct (e.g. 김○수, or add the age group)",
    ),
    "phone-mobile-public": (
        E,
        "'{field}'{title}은(는) 사이트에 게시되는 항목인데 휴대전화 번호({shape})가 적혀 있습니다. 담당자 개인 번호라면 "
        "contact_phone(비공개)으로 옮기세요. 기관이 공개한 번호라면 casekit.yml의 pii.allow에 추가하세요.",
        "'{field}'{title} is published, and holds a mobile number ({shape}): a person's goes in contact_phone "
        "(private); add it to pii.allow in casekit.yml only if the agency made it public",
    ),
    "phone-malformed": (
        W,
        "'{field}'{title}에 적힌 번호({shape})는 전화번호 형식이 아닙니다: {why} 휴대전화는 010-0000-0000, 지역번호는 "
        "02-000-0000·031-000-0000, 대표번호는 1577-0000처럼 적으세요. 이대로면 이 번호로 연락할 수 없습니다.",
        "'{field}'{title}: {shape} is no Korean phone number: {why_en}. Write 010-0000-0000, 02-000-0000, "
        "031-000-0000 or 1577-0000; as it is, nobody can call this number",
    ),
    "referred-without-agency": (
        W,
        "{what}인데 어느 기관인지 적혀 있지 않습니다. {key}에 받는 기관의 자원 ID(resources/ 폴더의 파일 이름)를 "
        "적으세요. 연계 확인과 정보 제공 동의가 그 기관을 기준으로 합니다.",
        "{what_en} but no agency is named: write the receiving agency's resource id in {key} (the follow-up call and "
        "the consent to share are about that agency)",
    ),
    "worker-typo": (
        W,
        "담당자 '{worker}'은(는) 사례집에서 여기에만 나옵니다. 혹시 '{meant}'(다른 곳 {count}군데)인가요? 같은 사람이면 "
        "{key}: {meant}(으)로 고치세요. 다르게 적으면 `casekit due --worker {meant}`에 이 사례가 나오지 않습니다.",
        "worker '{worker}' appears only here in the casebook; did you mean '{meant}' (named {count} times)? If it is "
        "the same person, write {key}: {meant}, or `casekit due --worker {meant}` leaves this case out",
    ),
}
