"""Every finding code with its default severity and its message in Korean and English.

Codes are stable: tools and CI configurations may depend on them. Messages are
`str.format` templates filled by `casekit.core.findings.finding`.
"""

from __future__ import annotations

E, W = "error", "warning"

MESSAGES: dict[str, tuple[str, str, str]] = {
    # --- reading the file -------------------------------------------------
    "file-unreadable": (E, "파일을 읽을 수 없습니다: {reason}", "cannot read the file: {reason}"),
    "file-too-large": (
        E,
        "파일이 너무 큽니다({size} 바이트, 최대 {limit} 바이트). 기록을 여러 파일로 나누세요.",
        "file is too large ({size} bytes, at most {limit}); split the record",
    ),
    "file-empty": (
        E,
        "빈 파일입니다. {advice}",
        "empty file; {advice_en}",
    ),
    "file-binary": (
        E,
        "글 파일이 아닙니다(NUL 바이트가 있음). 기록은 UTF-8 Markdown이어야 합니다.",
        "not a text file (contains NUL bytes); records must be UTF-8 Markdown",
    ),
    "encoding-cp949": (
        E,
        "UTF-8이 아니라 CP949(EUC-KR)로 저장된 파일로 보입니다. 편집기에서 'UTF-8'로 다시 저장하거나 "
        "`iconv -f CP949 -t UTF-8 파일 > 새파일`로 변환하세요.",
        "file looks saved as CP949/EUC-KR, not UTF-8; re-save it as UTF-8 in your editor or convert it "
        "with `iconv -f CP949 -t UTF-8 FILE > NEW`",
    ),
    "encoding-utf16": (
        E,
        "UTF-16으로 저장된 파일입니다. 편집기에서 'UTF-8'로 다시 저장하거나 "
        "`iconv -f UTF-16 -t UTF-8 파일 > 새파일`로 변환하세요.",
        "file is saved as UTF-16; re-save it as UTF-8 or convert it with `iconv -f UTF-16 -t UTF-8 FILE > NEW`",
    ),
    "encoding-invalid": (
        E,
        "UTF-8로 읽을 수 없는 바이트가 있습니다({position}번째 바이트). 파일을 UTF-8로 다시 저장하세요.",
        "bytes that are not valid UTF-8 (at byte {position}); re-save the file as UTF-8",
    ),
    "file-cut": (
        E,
        "파일이 한 글자의 중간에서 끝납니다(마지막 {count}바이트): 저장하거나 복사하다 잘린 것 같습니다. 파일 끝을 "
        "확인해 빠진 내용을 다시 적고 UTF-8로 저장하세요(git을 쓰면 `git diff`로 잘린 곳을 봅니다).",
        "the file ends inside a character (its last {count} bytes): it looks cut while saved or copied; check its "
        "end, write back what is missing and save it as UTF-8 (with git, `git diff` shows what was cut)",
    ),
    "unicode-nfd": (
        W,
        "한글이 풀어쓴 자모(NFD)로 저장되어 있습니다(macOS에서 흔함). 검색과 비교가 어긋날 수 있으니 NFC로 저장하세요.",
        "Hangul is stored decomposed (NFD, common on macOS); save it as NFC so search and comparison work",
    ),
    "front-matter-missing": (
        E,
        "파일의 첫 줄이 머리말(front matter)을 여는 '---' 줄이 아닙니다. {advice}",
        "the file does not start with '---' front matter: {advice_en}",
    ),
    "front-matter-not-first": (
        E,
        "첫 줄이 '---'이어야 합니다. 머리말이 {start}번째 줄에서 시작합니다: '---' 앞의 {count}줄({what})을 지우세요.{advice}",
        "the first line must be '---'; the front matter starts at line {start}: delete the {count} line(s) before "
        "it{advice_en}",
    ),
    "front-matter-unclosed": (
        E,
        "머리말이 '---' 줄로 닫히지 않았습니다. {advice}",
        "front matter is not closed by a '---' line; {advice_en}",
    ),
    "front-matter-repeated": (
        E,
        "본문의 이 줄부터 {end}번째 줄까지 머리말('---' 사이의 case:, stage: …)이 한 번 더 있습니다. 기록 전체를 두 번 "
        "붙여 넣었다면 이 줄부터 뒤에 붙은 것을 모두 지우고, 다른 기록을 붙여 넣었다면 그 기록은 제 파일에 두세요. "
        "그대로 두면 머리말의 값이 본문의 글로 사이트에 실립니다.",
        "the body holds a front matter of its own (case:, stage: … between '---' lines, to line {end}): if the "
        "record was pasted twice, delete everything pasted from this line; another record belongs in its own file; "
        "as it is, the fields are published as the body's text",
    ),
    "front-matter-not-mapping": (
        E,
        "머리말은 '키: 값' 목록이어야 하는데 {kind}입니다.",
        "front matter must be a mapping of keys to values, found {kind}",
    ),
    "yaml-syntax": (
        E,
        "머리말(YAML)을 읽을 수 없습니다. {hint} (YAML 원문: {problem})",
        "YAML syntax error: {problem}.{hint_en}",
    ),
    "yaml-folded-list": (
        E,
        "{what} YAML은 아래 줄들을 이 줄의 값에 이어 붙여 '{value}' 하나로 읽습니다. {fix}",
        "{what_en}; YAML folds them into this line's value, '{value}': {fix_en}",
    ),
    "yaml-wide-space": (
        E,
        "{where}의 문자가 {what}입니다. 모양은 비슷해도 YAML은 이 문자를 {meant}(으)로 읽지 않습니다. {retype} "
        "(casekit은 {meant}(으)로 읽고 검사했습니다.)",
        "{what_en} {where_en}; YAML does not read it as {meant_en}: {retype_en} (checked as read so)",
    ),
    "list-marker": (
        E,
        "목록 표시가 {sign}입니다. YAML은 이 문자를 목록으로 읽지 않습니다. 목록은 '- '(반각 하이픈과 공백)으로 쓰세요. "
        "예: {example}",
        "a list item marked with {sign_en}, which YAML does not read as a list; start list items with '- ': {example}",
    ),
    "yaml-tab": (
        E,
        "들여쓰기에 탭 문자가 있습니다. YAML은 공백으로만 들여씁니다.{hint}",
        "tab character used for indentation; YAML indents with spaces only{hint_en}",
    ),
    "yaml-duplicate-key": (
        E,
        "'{key}' 키가 두 번 나옵니다(처음은 {first_line}행). 한쪽 값이 조용히 사라지므로 하나로 합치세요. "
        "목록의 새 항목을 쓰려던 것이라면 이 줄 앞에 '- '를 붙이세요.",
        "key '{key}' appears twice (first at line {first_line}); one value would be silently lost: merge them, "
        "or, if this starts a new list item, put '- ' before it",
    ),
    "yaml-alias": (
        E,
        "YAML 앵커·별칭(&, *)은 쓸 수 없습니다. 별칭(*) 자리에 그 값을 직접 적으세요.",
        "YAML anchors and aliases (&, *) are not allowed; write the value out where the alias is",
    ),
    "yaml-too-deep": (
        E,
        "머리말이 너무 깊이 중첩되어 있습니다({limit}단계 초과).",
        "front matter is nested too deeply (more than {limit} levels)",
    ),
    "yaml-bad-key": (
        E,
        "키는 글자여야 합니다({kind} 키는 쓸 수 없습니다).",
        "keys must be text ({kind} keys are not allowed)",
    ),
    "yaml-tag": (
        E,
        "YAML 태그 '{tag}'는 쓸 수 없습니다.",
        "YAML tag '{tag}' is not allowed",
    ),
    "yaml-merge": (
        E,
        "병합 키(<<)는 기록에 쓸 수 없습니다. 키와 값을 직접 적으세요.",
        "the merge key (<<) is not allowed in records; write the keys and values out",
    ),
    "bidi-control": (
        E,
        "글자 방향을 바꾸는 보이지 않는 문자(U+{char})가 있습니다. 화면에 보이는 순서와 적힌 순서가 달라져 "
        "민감 정보를 가릴 수 있으므로 쓸 수 없습니다. 그 문자를 지우세요.",
        "an invisible character that changes the direction of text (U+{char}): what is shown differs from "
        "what is written, which can hide a sensitive value; delete it",
    ),
    "comment-heading": (
        W,
        "머리말(--- 사이)의 '{heading}'은(는) YAML이 메모(주석)로 읽어 기록 어디에도 남지 않습니다. 본문의 제목이라면 "
        "머리말을 닫는 '---' 아래로 옮기세요.",
        "'{heading}' in the front matter is a YAML comment and in no record: move a heading below the closing '---'",
    ),
    "comment-cuts-value": (
        E,
        "값이 '{kept}'에서 끊깁니다: 빈칸 뒤의 '#'부터('{rest}')는 주석으로 읽혀 값에서 빠집니다. 뒤까지 값이라면 "
        "값 전체를 따옴표로 감싸세요(예: \"{kept} {rest}\").",
        "the value ends at '{kept}': from the '#' after a space ('{rest}') YAML reads a comment; if it is "
        "part of the value, put the whole value in quotes",
    ),
    "yaml-control-char": (
        E,
        "머리말에 쓸 수 없는 제어 문자(U+{char})가 있습니다. 그 문자를 지우세요.",
        "the front matter holds a control character (U+{char}) YAML does not allow; delete it",
    ),
    "yaml-number-too-large": (
        E,
        "숫자 {value}이(가) 너무 큽니다. 글자로 쓰려면 따옴표로 감싸세요.",
        "the number {value} is too large; quote it if it is meant as text",
    ),
    "yaml-number-form": (
        E,
        "'{value}'은(는) YAML에서 숫자 {read}(으)로 읽힙니다. {advice}",
        "'{value}' is read by YAML as the number {read}; {advice_en}",
    ),
    "line-endings-cr": (
        W,
        "줄 끝이 옛 Mac 방식(CR)입니다. 편집기에서 줄 끝을 LF(또는 CRLF)로 바꿔 저장하세요.",
        "lines end with a lone CR (old Mac style); save the file with LF (or CRLF) line endings",
    ),
    # --- files and names ----------------------------------------------------
    "bad-file-name": (
        E,
        "파일 이름 '{name}'이(가) 규칙(NN-단계.md, 예: 01-intake.md)에 맞지 않아 검사하지 못했습니다.{hint} 단계: {stages}",
        "file name '{name}' does not follow NN-stage.md (e.g. 01-intake.md), so it was not checked;{hint_en} stages: {stages}",
    ),
    "copy-file": (
        E,
        "'{name}'은(는) {original}의 사본으로 보입니다({by}). 검사하지 않았고, 이 파일이 있는 동안 사이트를 "
        "만들지 않습니다. 두 파일을 비교해 필요한 내용을 {original}에 옮긴 뒤 이 파일을 지우세요.",
        "'{name}' looks like a copy of {original} ({by_en}): it was not checked, and the site is not "
        "built while it is there. Compare the two, keep what is needed in {original}, then delete this file",
    ),
    "backup-file": (
        W,
        "'{name}'은(는) {original}의 백업으로 보입니다({by}). 기록으로 검사하지 않고 사이트에도 싣지 않습니다. "
        "{original}에 없는 내용이 필요하면 옮겨 적고, 필요 없으면 이 파일을 지우세요.",
        "'{name}' looks like a backup of {original} ({by_en}): it is neither checked as a record nor published. "
        "Copy anything {original} lacks into it, then delete this file",
    ),
    "bad-case-id": (
        E,
        "사례 번호 '{name}'이(가) 규칙(영문·숫자로 시작, 영문·숫자·-·_ 최대 64자, Windows 장치 이름 제외)에 맞지 않습니다.{hint}",
        "case id '{name}' is not valid (a letter or digit, then letters, digits, - or _, at most 64; no Windows device name){hint_en}",
    ),
    "bad-resource-id": (
        E,
        "자원 파일 이름 '{name}'이(가) 규칙(영문 소문자·숫자·-, 확장자 .md)에 맞지 않습니다.",
        "resource file name '{name}' is not valid (lowercase letters, digits and -, ending in .md)",
    ),
    "symlink-outside": (
        E,
        "심볼릭 링크가 사례집 밖({target})을 가리킵니다. 따라가지 않았습니다.",
        "symbolic link points outside the casebook ({target}); not followed",
    ),
    "unexpected-file": (
        W,
        "{where}에 {what}이(가) 아닌 파일이 있습니다: {name}{hint}",
        "a file that is not {what_en} sits in {where_en}: {name}{hint_en}",
    ),
    "folder-not-folder": (
        E,
        "{name}: 사례집의 이 이름은 폴더여야 하는데 {kind}입니다. {effect} 이 {kind}의 내용을 확인해 필요하면 다른 "
        "이름으로 옮기고, 그 자리에 {name} 폴더를 만드세요.",
        "{name} must be a folder of the casebook, found {kind_en}; {effect_en}: look at what it holds, move it to "
        "another name if needed, and make {name} a folder",
    ),
    "record-outside-case": (
        W,
        "기록이 사례 폴더 밖(cases/ 바로 아래)에 있어 검사도 게시도 되지 않습니다: {name}. 머리말의 case: 값의 "
        "사례 폴더(cases/<사례 ID>/)로 옮기세요.",
        "a record outside any case folder (directly in cases/) is neither checked nor published: {name}; move it "
        "into the folder of its case (cases/<case id>/)",
    ),
    "folder-in-case": (
        W,
        "사례 폴더 안의 폴더 {name}은(는) 읽지 않습니다: 그 안의 기록 {count}개({names})는 검사도 게시도 되지 "
        "않습니다. 사례 기록은 사례 폴더 바로 아래에 두세요(옛 기록도 지우거나 치우지 않고 그대로 둡니다).",
        "folder {name} inside a case folder is not read: its {count} records ({names}) are neither checked nor "
        "published; keep a case's records directly in its folder",
    ),
    "case-in-folder": (
        E,
        "사례 폴더 {name}이(가) {folder} 폴더 안에 있어 읽지 않습니다: 그 안의 기록 {count}개는 검사도 게시도 되지 "
        "않습니다. 사례 폴더는 cases/ 바로 아래에 두세요: {fix}",
        "case folder {name} sits inside the folder {folder} and is not read: its {count} records are neither "
        "checked nor published; keep case folders directly in cases/: {fix_en}",
    ),
    "folder-unreadable": (
        E,
        "폴더를 읽을 수 없습니다: {reason}. 안에 있는 기록은 검사하지 못했습니다.",
        "cannot read the folder: {reason}; the records in it were not checked",
    ),
    "docs-page-clash": (
        E,
        "이 페이지는 casekit이 만드는 페이지의 자리({place})에 실리므로 그 페이지를 가리거나 그 페이지에 가려 "
        "사라집니다. 다른 이름이나 폴더(예: docs/안내/)로 옮기세요.",
        "this page would be published where casekit's own pages are ({place}): it would take a generated page's "
        "place or be dropped for it; move it to another name or folder",
    ),
    "docs-not-published": (
        W,
        "이 파일은 사이트에 싣지 않습니다: {reason}.",
        "this file is not published: {reason}",
    ),
    "docs-asset-mismatch": (
        E,
        "파일 내용이 이름과 다릅니다: {kind} 파일이 아닙니다. 그림으로 다시 저장하세요.",
        "the file's content does not match its name: it is not a {kind} file; save it again as an image",
    ),
    "outside-content": (
        W,
        "{what}은(는) 사이트에 싣지 않습니다: 그 자리에는 '[외부 자료 생략]'이 보이거나 아무것도 보이지 않습니다. "
        "그림은 docs/ 폴더에 넣고 그 경로를 쓰세요. 다른 곳의 자료는 링크([설명](https://…))로 거세요.",
        "{what} is left out of the site ('[외부 자료 생략]' or nothing shows in its place); put pictures in "
        "docs/ and use their path, link to what is elsewhere",
    ),
    "html-page-pasted": (
        W,
        "웹 페이지의 HTML을 통째로 붙여 넣은 것 같습니다({tags}). 사이트에는 이 태그들이 빠지고(<head>와 <title> 안의 글도 "
        "빠집니다) 나머지 글만 남습니다: 필요한 글만 "
        "골라 Markdown으로 옮기고 나머지는 지우세요.",
        "a web page's HTML seems pasted in whole ({tags}): the site keeps its text without those tags; keep the text "
        "needed, in Markdown, and delete the rest",
    ),
    "html-left-out": (
        W,
        "{what}은(는) 사이트에 싣지 않습니다: {shown}. {advice}",
        "{what_en} is left out of the site ({shown_en}); {advice_en}",
    ),
    "html-unclosed": (
        W,
        "{said} 사이트에는 이 태그가 글자 그대로 '<{name}…>'로 보이고, 그 뒤의 글은 빠짐없이 실립니다. {advice}",
        "{said_en}: the site shows the tag as text, as written, and publishes all that follows it; {advice_en}",
    ),
    "line-not-shown": (
        W,
        "이 줄({text})은 사이트에 보이지 않습니다: 줄 처음의 [대괄호]: 뒤에 한 낱말이 오면 Markdown이 링크 주소를 "
        "적는 줄로 읽고 페이지에서 뺍니다. '참고: 확인함'처럼 대괄호 없이 쓰거나, 대괄호 앞에 \\ 를 쓰세요 (\\[참고]: 확인함).",
        "this line ({text}) does not show on the site: Markdown reads a line starting with [brackets]: and one word as "
        "a link's address and takes it off the page; write it without brackets (참고: 확인함) or put \\ before the bracket",
    ),
    "link-outside": (
        W,
        "이 링크({address})는 사례집 밖을 가리킵니다: 사이트에는 링크의 글만 보이고 누를 수 없습니다. 다른 기록이나 "
        "자원으로 이으려면 이 파일에서 본 경로로 쓰세요 (예: {examples}).",
        "this link ({address}) leads out of the casebook: the site shows its text, not the link; to link a record or "
        "a resource, write its path as seen from this file (e.g. {examples})",
    ),
    "link-missing": (
        W,
        "이 링크({address})가 가리키는 곳이 사이트에 실린 기록·사례·자원·문서 중에 없습니다: 누르면 '페이지를 찾을 수 "
        "없음'이 나옵니다. 파일 이름과 사례 번호를 확인하고, 이 파일에서 본 경로로 쓰세요 (예: {examples}). "
        "사이트에는 기록과 자원, docs/ 폴더의 문서(.md)와 그림만 실립니다.",
        "this link ({address}) names no record, case, resource or document the site publishes: it leads to a "
        "'page not found'; check the file name and the case id, and write the path as seen from this file "
        "(e.g. {examples}); the site publishes the records, the resources, and the pages (.md) "
        "and images of docs/ alone",
    ),
    "link-heading-missing": (
        W,
        "이 링크({address})가 가리키는 제목이 {file}에 없습니다: 사이트에서는 그 제목으로 가지 못하고 {file}의 처음으로 갑니다. "
        "제목을 바꿨다면 링크도 고치세요. {file}의 제목: {headings}. 띄어쓰기는 -로 쓰고, 문장부호는 빼고 씁니다 "
        "(예: '## 영역별 욕구'는 #영역별-욕구).",
        "this link ({address}) names a heading {file} does not have: the site opens {file} at its start, not at "
        "that heading; if the heading was renamed, change the link too. The headings of {file}: {headings}; "
        "write spaces as - and leave marks out (e.g. '## 영역별 욕구' is #영역별-욕구)",
    ),
    "image-not-found": (
        W,
        "이 그림은 사이트에 실린 그림 중에 없습니다: 사이트에는 그 자리에 {shown} 보입니다. 그림 파일을 {folder}/ 폴더에 "
        "넣고, 이 파일에서 본 경로로 쓰세요 (예: {example}). 사이트에 싣는 그림은 {folder}/ 안의 png, jpg, gif, webp뿐이고, "
        "경로에 빈칸이나 \\ 는 쓸 수 없습니다.",
        "this picture names no image the site publishes ({shown_en} shows in its place); put the file in {folder}/ and "
        "write its path as seen from this file (e.g. {example}), without spaces or backslashes",
    ),
    "markdown-too-deep": (
        E,
        "목록 안에 목록이 {limit}겹 넘게 들어 있어 사이트에 그릴 수 없습니다. 들여쓰기를 줄여 목록을 얕게 하세요.",
        "a list is nested more than {limit} levels deep and cannot be rendered; indent less",
    ),
    "markdown-brackets": (
        E,
        "이 문단에는 닫히지 않았거나 겹겹이 싸인 괄호([ ( <)나 HTML 태그가 너무 많습니다(닫히지 않은 것 {limit}개, "
        "겹친 것 {depth}겹, 태그 5,000개까지). 사이트를 만드는 데 몇 분에서 몇 시간이 걸리므로 받지 않습니다. "
        "괄호나 태그를 줄이거나 닫고, 긴 문단은 빈 줄로 나누세요.",
        "this paragraph has too many unclosed or nested brackets or HTML tags ([ ( <: at most {limit} unclosed, "
        "{depth} deep, 5,000 tags); rendering it would take minutes or hours; remove some, or split the paragraph",
    ),
    "markdown-marks": (
        E,
        "이 문단에는 Markdown 기호(& \\ ` * _ [ < {{ 와 줄 끝의 두 칸 띄어쓰기)가 {count}개 있습니다. 이 길이({length}자)의 "
        "문단에는 {limit}개까지만 받습니다: 기호마다 문단 전체를 다시 읽어 사이트를 만드는 데 몇 분이 걸립니다. 문단을 빈 "
        "줄로 나누거나, 필요 없는 기호를 지우세요.",
        "this paragraph holds {count} Markdown marks (& \\ ` * _ [ < {{, two spaces at a line's end); one {length} "
        "characters long may hold {limit}: each makes the renderer read the whole paragraph again, and the site would "
        "take minutes to build; split the paragraph with blank lines, or remove marks it does not need",
    ),
    "markdown-blocks": (
        E,
        "구분선(***, - - -), 코드 울타리(``` ~~~), 알림 상자(!!! ???)를 연 줄이 {limit}개를 넘습니다. 이렇게 많으면 "
        "사이트를 만드는 데 몇 분이 걸리므로 받지 않습니다. 필요 없는 구분선이나 울타리를 지우거나 글을 여러 기록으로 나누세요.",
        "more than {limit} lines open a horizontal rule, a code fence or an admonition; rendering so many would take "
        "minutes; remove the ones not needed, or split the text into several records",
    ),
    "docs-redirect": (
        E,
        "template: redirect.html은 이 쪽을 열자마자 location에 적힌 주소(다른 사이트도)로 보내는 테마의 인라인 스크립트를 "
        "싣습니다. casekit의 것이 아닌 스크립트라 빌드 끝의 검사가 사이트를 지웁니다. 다른 쪽으로 안내하려면 그 쪽으로 "
        "가는 링크를 적으세요.",
        "template: redirect.html sends the reader on to `location` (another site too) with an inline script of the "
        "theme's, which the build's audit refuses: write a link to the page instead",
    ),
    "html-nested-deep": (
        E,
        "HTML 태그가 닫히지 않은 채 {depth}겹 넘게 겹쳐 열려 있습니다(예: <div>만 있고 </div>가 없음). 브라우저가 이 쪽을 "
        "읽는 데 몇 분이 걸려 사이트를 만들지 못하므로 받지 않습니다. 여는 태그마다 닫는 태그를 넣거나 HTML을 지우세요.",
        "HTML elements are left open inside each other more than {depth} deep (<div> without </div>): a browser "
        "takes minutes to read the page, so the site cannot be built; close them or remove the HTML",
    ),
    "docs-line-too-long": (
        E,
        "한 줄이 너무 깁니다({length}자, 최대 {limit}자). 사이트를 만들 때 오래 걸리거나 멈추므로 줄을 나누세요.",
        "a line is too long ({length} characters, at most {limit}); it would stall the site build: split it",
    ),
    "docs-brackets": (
        E,
        "한 줄에 닫히지 않은 괄호([ 또는 ()가 {limit}개를 넘습니다. 사이트를 만들 때 멈출 수 있으니 고치세요.",
        "a line holds more than {limit} unclosed brackets ([ or (); it would stall the site build",
    ),
    "temp-file-left": (
        W,
        "중단된 casekit new/add가 남긴 임시 파일입니다. 다음에 이 폴더에서 casekit add를 하면 지워집니다(1분 넘게 지난 것). "
        "기록은 그대로이니 직접 지워도 됩니다.",
        "a temporary file left by an interrupted casekit new/add; the next casekit add in this folder removes it "
        "(when older than a minute). No record is affected; you may delete it",
    ),
    "path-outside": (
        E,
        "사례집 밖의 경로입니다: {target}",
        "path is outside the casebook: {target}",
    ),
    "path-not-found": (E, "경로가 없습니다: {target}", "no such path: {target}"),
    "schema-unavailable": (
        E,
        "'{stage}' 단계의 스키마를 읽을 수 없습니다: {reason}",
        "the schema for stage '{stage}' cannot be read: {reason}",
    ),
    "schema-invalid": (E, "스키마 파일에 문제가 있습니다: {detail}", "the schema file has a problem: {detail}"),
    "schema-replaced": (
        W,
        "이 스키마 파일을 쓰지 않았습니다. {fallback}",
        "this schema file was not used. {fallback}",
    ),
    # --- schema -----------------------------------------------------------
    "required": (E, "필수 항목 '{field}'{title}이(가) 없습니다.{hint}", "required field '{field}'{title} is missing{hint_en}"),
    "placeholder": (
        E,
        "'{field}'{title}에 템플릿 안내 문구가 그대로 남아 있습니다: {value} — {advice}",
        "'{field}' still holds the template's placeholder: {value}; {advice_en}",
    ),
    "wrong-type": (
        E,
        "'{field}'{title}은(는) {expected}이어야(여야) 하는데 {actual}입니다.{hint}",
        "'{field}'{title} must be {expected_en}, found {actual_en}.{hint_en}",
    ),
    "not-in-list": (
        E,
        "'{field}'{title}의 값 '{value}'은(는) 쓸 수 없습니다.{hint} 쓸 수 있는 값: {allowed}",
        "'{field}'{title}: '{value}' is not allowed;{hint_en} use one of: {allowed}",
    ),
    "bad-date": (
        E,
        "'{field}'{title}의 '{value}'은(는) 올바른 날짜(YYYY-MM-DD)가 아닙니다.{hint}",
        "'{field}'{title}: '{value}' is not a real date in the form YYYY-MM-DD.{hint_en}",
    ),
    "bad-pattern": (
        E,
        "'{field}'{title}의 '{value}'이(가) 형식에 맞지 않습니다. {description}",
        "'{field}'{title}: '{value}' does not have the expected form. {description}",
    ),
    "odd-character": (
        E,
        "'{field}'{title}의 값{where}에 {what}이(가) 있습니다. {advice}",
        "'{field}'{title}: '{value}' holds {what_en}; write {fixed}",
    ),
    "several-ids": (
        E,
        "'{field}'{title}에는 ID 하나만 적습니다. '{value}'에는 여럿이 있습니다. 주된 하나를 {key}: {first}처럼 적고, "
        "나머지({rest})는 항목을 따로 만들어 적으세요.",
        "'{field}'{title} takes one id, '{value}' names several; write the main one ({key}: {first}) and give the "
        "others ({rest}) items of their own",
    ),
    "wrong-value": (
        E,
        "'{field}'{title}은(는) '{expected}'이어야(여야) 하는데 '{value}'입니다.",
        "'{field}'{title} must be '{expected}', found '{value}'",
    ),
    "unknown-field": (
        E,
        "알 수 없는 항목 '{field}'입니다.{hint} 쓸 수 있는 항목: {allowed}",
        "unknown field '{field}';{hint_en} allowed: {allowed}",
    ),
    "empty-value": (
        E,
        "'{field}'{title}이(가) 비어 있습니다.{hint}",
        "'{field}'{title} is empty{hint_en}",
    ),
    "out-of-range": (
        E,
        "'{field}'{title}의 값 {value}이(가) 허용 범위({range})를 벗어났습니다.",
        "'{field}'{title}: {value} is out of range ({range_en})",
    ),
    "schema-violation": (E, "'{field}'{title}: {detail}", "'{field}'{title}: {detail}"),
    # --- identity -----------------------------------------------------------
    "case-mismatch": (
        E,
        "case 값 '{value}'이(가) 폴더 이름 '{folder}'과(와) 다릅니다. 이 사례의 기록이면 case: \"{folder}\"로 "
        "고치고(다른 사례에서 복사했다면 목표·날짜도 이 사례에 맞게 고치세요), '{value}'의 기록이면 그 사례 폴더로 옮기세요.",
        "case '{value}' differs from the folder name '{folder}': write case: \"{folder}\" if the record is this "
        "case's (and its goals and dates, if copied from another case), or move it to the folder of '{value}'",
    ),
    "case-folder-renamed": (
        E,
        "이 사례 폴더의 기록 {count}개가 모두 case 값을 '{value}'(으)로 적어, 폴더 이름 '{folder}'과(와) 다릅니다. "
        "폴더 이름을 바꿨다면 '{value}'(으)로 되돌리세요. 이 폴더 이름이 맞다면 기록마다 case: \"{folder}\"로 고치세요.",
        "all {count} records of this case folder say case '{value}', unlike the folder name '{folder}': if the "
        "folder was renamed, name it '{value}' again; if the folder's name is right, write case: \"{folder}\" in each",
    ),
    "duplicate-id": (
        E,
        "{kind} 번호 '{id}'이(가) 이 기록에 두 번 있습니다(처음은 {first_line}번째 줄). {kind}마다 다른 번호를 "
        "매기세요(예: {next}). 다른 기록이 부르는 번호라면 그 기록도 함께 고치세요.",
        "{kind_en} id '{id}' is used twice in this record (first on line {first_line}); give each its own id "
        "(e.g. {next}), and fix the records that refer to it",
    ),
    "stage-mismatch": (
        E,
        "stage 값 '{value}'이(가) 파일 이름의 단계 '{expected}'과(와) 다릅니다. {advice}",
        "stage '{value}' differs from the file name's stage '{expected}'; {advice_en}",
    ),
    "table-not-rendered": (
        W,
        "이 표는 사이트에서 표로 보이지 않고 글이 한 문단으로 이어집니다. {advice}",
        "this table is not shown as one on the site (its text runs together): {advice_en}",
    ),
    "resource-file-renamed": (
        E,
        "자원 파일의 이름이 바뀐 것 같습니다: 기록 {count}개가 이 자원을 id '{value}'(으)로 {refs}번 가리키는데 파일 "
        "이름은 '{name}'입니다. 파일 이름을 {value}.md로 되돌리세요(자원 id를 바꾸려던 것이면 id와 그 기록들을 함께 고치세요).",
        "the resource file looks renamed: {count} records name it '{value}' ({refs} times), the file is '{name}'; "
        "rename it back to {value}.md (or change its id and those records together)",
    ),
    "resource-id-mismatch": (
        E,
        "자원 id '{value}'이(가) 파일 이름 '{expected}'과(와) 다릅니다. 기록들은 파일 이름으로 자원을 가리킵니다: "
        "id: {shown}(으)로 고치세요.",
        "resource id '{value}' differs from the file name '{expected}'",
    ),
    # --- process rules --------------------------------------------------------
    "case-empty": (E, "사례 폴더에 기록이 없습니다. 접수 기록(01-intake.md)부터 만드세요: casekit new {case}",
                   "the case folder holds no record; start with its intake (01-intake.md): casekit new {case}"),
    "first-not-intake": (
        E,
        "사례는 01-intake.md(접수)로 시작해야 합니다. 첫 기록: {name}",
        "a case starts with 01-intake.md; the first record is {name}",
    ),
    "duplicate-number": (
        E,
        "순번 {nn}이(가) 두 번 쓰였습니다({other}). 순번은 겹칠 수 없습니다.{hint}",
        "number {nn} is used twice ({other}); numbers must not repeat{hint_en}",
    ),
    "number-gap": (
        W,
        "이 기록 앞의 순번 {missing}이(가) 비어 있습니다({prev} 다음). 기록을 지웠다면 git에서 되살리세요"
        "(git log --diff-filter=D -- {folder}): 사례 기록은 지우지 않고 고쳐 씁니다. 번호만 건너뛴 것이라면 그대로 두어도 됩니다.",
        "number {missing} is missing before this record (after {prev}): if a record was deleted, restore it from "
        "git (git log --diff-filter=D -- {folder}); a number merely skipped may stay",
    ),
    "date-decreasing": (
        E,
        "기록 날짜 {date}이(가) 앞선 기록 {prev_name}의 날짜 {prev_date}보다 이릅니다.{hint}",
        "record date {date} is earlier than {prev_date} of the previous record {prev_name}{hint_en}",
    ),
    "date-year-typo": (
        E,
        "기록 날짜 {date}의 연도가 이 사례의 다른 날짜와 맞지 않습니다: {evidence}입니다. 연도를 잘못 적은 것 같습니다: "
        "{meant}(으)로 고치세요.",
        "record date {date}: its year disagrees with the case's other dates ({evidence_en}); a mistyped year? "
        "write {meant}",
    ),
    "plan-without-assessment": (
        E,
        "계획 앞에 사정 기록이 없습니다. 계획은 사정 후에 세웁니다.",
        "a plan needs an earlier assessment",
    ),
    "needs-plan": (
        E,
        "{stage_ko} 기록 앞에 계획이 없습니다. 실행과 점검은 계획 후에 합니다.{hint}",
        "{stage} needs an earlier plan{hint_en}",
    ),
    "plan-not-agreed": (
        W,
        "클라이언트가 동의하지 않은 계획입니다(agreement.client_agreed: false). 자기결정권: 동의하지 않은 이유를 "
        "agreement.reason에 적으세요.",
        "the client has not agreed to the plan (agreement.client_agreed: false); give the reason in agreement.reason",
    ),
    "plan-after-ineligible": (
        E,
        "접수에서 사례관리 대상이 아니라고 판정했는데(decision: {decision} {decision_ko}) 종결 대신 {what} 기록 "
        "{count}개({names})가 이어집니다. 판정을 잘못 적은 것이면 이 값을 eligible로 고치세요. 판정이 맞다면 이 "
        "기록들은 이 사례에 있으면 안 됩니다: 다른 사례의 기록이면 그 사례로 옮기고, 아니면 지운 뒤 종결 기록"
        "(reason: {closure})으로 마치세요.",
        "the intake found the client not eligible ({decision}), yet {count} {what_en} record(s) follow instead of "
        "closure: {names}; if the decision is a slip, make it eligible; if it is right, those records do not belong "
        "here (move them to their case, or delete them and close the case with reason: {closure})",
    ),
    "followup-before-closure": (
        E,
        "사후관리는 종결 후에만 합니다. 앞에 종결 기록이 없습니다.{hint}",
        "follow-up comes only after closure; no earlier closure{hint_en}",
    ),
    "after-closure": (
        E,
        "종결 후에는 사후관리만 올 수 있습니다({stage_ko}). 다시 열려면 reopening이 있는 접수 기록을 추가하세요.",
        "after closure only follow-up may come ({stage}); to reopen, add an intake with 'reopening'",
    ),
    "reopening-unmarked": (
        E,
        "종결된 사례({file})에 새 접수 기록이 있습니다. 종결한 사례를 다시 여는 것이면 접수 기록에 재개 사유와 이전 "
        "종결일을 적으세요. 예: 'reopening:' 줄 아래에 2칸 들여 'reason: \"실직으로 다시 도움을 요청함\"'과 "
        "'previous_closure: \"{closed}\"'.",
        "a new intake follows the case's closure ({file}); if it reopens the case, write why and the closure's date: "
        "'reopening:' with, indented, 'reason: \"…\"' and 'previous_closure: \"{closed}\"'",
    ),
    "reopening-without-closure": (
        E,
        "재개(reopening)로 표시된 접수인데 앞에 종결 기록이 없습니다.",
        "intake is marked as a reopening but no closure precedes it",
    ),
    "intake-again": (
        E,
        "종결하지 않은 사례에 접수 기록이 또 있습니다. 먼저 종결하거나 사정·점검 기록을 쓰세요.",
        "a second intake in an open case; close the case first",
    ),
    "closure-goal-unevaluated": (
        E,
        "종결 기록에 목표 {goals}의 평가가 없습니다. results에 {entry} result(달성 achieved, 부분 달성 "
        "partly_achieved, 미달성 not_achieved, 중단 dropped)를 적으세요. 평가하지 못했다면 reason_note에 그 목표의 ID와 "
        "이유를 적으세요(예: \"{ids}: 클라이언트가 평가를 원하지 않음\").{hint}",
        "closure does not evaluate {goals_en}; add {entry_en} result under results (achieved, partly_achieved, "
        "not_achieved, dropped), or, not evaluated, name {ids} and why in reason_note{hint_en}",
    ),
    "closure-achieved-without-plan": (
        E,
        "종결 사유가 목표 달성(goals_achieved)인데 이 사례에는 목표를 세운 계획 기록이 없습니다. 계획 없이 "
        "종결하는 것이면 실제 사유(예: withdrew 거부·철회, ineligible 대상 아님, referred 타 기관 이관, unreachable "
        "연락 두절)를 적고, 계획을 세워 진행했다면 계획 기록을 추가하세요.",
        "the closure's reason is goals_achieved, but the case has no plan that set goals: write the actual reason "
        "(withdrew, ineligible, referred, unreachable …) or add the plan",
    ),
    "closure-note-required": (
        E,
        "종결 사유가 '기타'이면 reason_note에 설명을 적어야 합니다.",
        "closure reason 'other' needs an explanation in reason_note",
    ),
    "goal-without-plan": (  # (said at a closure, a 위기개입 or 서비스연계 intervention, a 사례회의: rules._GOAL_WITHOUT_PLAN)
        E,
        "목표 '{ref}'{named} 이 {record} 앞에 계획 기록이 없습니다. 계획 파일(…-plan.md)이 빠졌다면 넣고, {fix}",
        "goal '{ref}' is {named_en} but no plan comes before this {record_en}; add the missing plan, or {fix_en}",
    ),
    "unknown-goal": (
        E,
        "목표 '{ref}'이(가) 최근 계획({plan})에 없습니다.{hint} 있는 목표: {known}",
        "goal '{ref}' is not in the latest plan ({plan}); known goals: {known}",
    ),
    "unknown-need": (
        E,
        "욕구 '{ref}'이(가) 최근 사정({assessment})에 없습니다.{hint} 있는 욕구: {known}",
        "need '{ref}' is not in the latest assessment ({assessment}); known needs: {known}",
    ),
    "unknown-resource": (
        E,
        "자원 '{ref}'이(가) resources/ 폴더에 없습니다.{hint}",
        "resource '{ref}' does not exist in resources/.{hint_en}",
    ),
    "service-not-in-plan": (
        W,
        "점검한 서비스(목표 {goal} · 자원 '{resource}')가 최근 계획 {plan}의 서비스에 없습니다. 계획에 없던 서비스를 "
        "연계했다면 계획을 수정하고(revision), 다른 사례의 기록을 복사했다면 이 사례의 계획대로 고치세요.",
        "the service checked (goal {goal}, resource '{resource}') is not among the services of the latest plan "
        "{plan}: revise the plan if it was added, or fix a record copied from another case",
    ),
    "activity-twice": (
        W,
        "이 활동은 {first_line}번째 줄의 활동과 모든 항목이 같습니다. 두 번 붙여 넣었다면 하나를 지우고, 다음 활동을 적으려고 "
        "복사한 것이라면 날짜와 내용을 그 활동으로 고치세요.",
        "this activity is the same as the one on line {first_line} in every field: delete one if it was pasted twice, "
        "or change its date and content if it was copied for the next activity",
    ),
    "body-empty": (
        W,
        "본문의 제목 아래가 모두 비어 있습니다. 제목 아래에 이 {stage_ko} 기록의 내용(만난 사람, 나눈 이야기, 판단의 근거)을 "
        "적으세요: 항목(키: 값)만으로는 다음 담당자가 사례를 이어받기 어렵습니다.",
        "the body's sections are all empty: write under them what happened and why the fields read as they do",
    ),
    "goal-twice": (
        E,
        "목표 {goal}의 {what}이(가) 이 기록에 두 번 있습니다(처음은 {first_line}번째 줄). 목표마다 한 번만 적으세요. "
        "다른 목표의 항목을 복사해 고치던 것이라면 이 goal을 그 목표의 번호로 고치세요.",
        "goal {goal} has a second {what_en} in this record (the first on line {first_line}); write each goal once, "
        "and if this entry was copied for another goal, give it that goal's id",
    ),
    "goal-not-monitored": (
        W,
        "점검 기록에 목표 {goals}의 진행 상황이 없습니다. progress에 {entry} status(진행 중 in_progress, 달성 achieved, "
        "정체 stalled, 미착수 not_started)와 note(이번 점검에서 본 것)를 적으세요.",
        "monitoring does not report on {goals_en}; add {entry_en} status (in_progress, achieved, stalled, not_started) "
        "and note under progress",
    ),
    "activity-after-record": (
        E,
        "활동 날짜 {date}이(가) 기록 날짜 {record_date}보다 늦습니다. 미래의 활동은 기록할 수 없습니다.",
        "activity date {date} is after the record date {record_date}",
    ),
    "activity-without-goal": (
        E,
        "활동에 목표(goal)가 없습니다. 계획 전의 위기개입(crisis_intervention)만 목표 없이 기록할 수 있습니다.",
        "activity names no goal; only crisis intervention before a plan may be recorded without one",
    ),
    "activity-before-plan": (
        W,
        "활동 날짜 {date}이(가) 최근 계획 날짜 {plan_date}보다 이릅니다.{hint}",
        "activity date {date} is before the latest plan's date {plan_date}{hint_en}",
    ),
    "activity-before-intake": (
        W,
        "활동 날짜 {date}이(가) 사례 접수일 {opened}보다 이릅니다. 연도나 월을 잘못 적지 않았는지 확인하세요.{hint}",
        "activity date {date} is before the case was opened ({opened}): check the year and month{hint_en}",
    ),
    "activity-before-agreement": (
        W,
        "활동 날짜 {date}이(가) 계획({plan})에 클라이언트가 동의한 날 {agreed}보다 이릅니다. 자기결정권: 계획의 실행은 "
        "동의를 받은 뒤에 합니다. 동의를 먼저 받았다면 계획의 agreement.date를 동의서의 날짜로 고치세요.",
        "activity date {date} is before the client agreed to the plan ({plan}) on {agreed}: carry out a plan once "
        "the client agrees to it; if they agreed earlier, write that date in the plan's agreement.date",
    ),
    "sensitive-in-text": (
        E,
        "{source}에 적힌 민감 정보({field})의 값이 게시되는 곳에 그대로 있습니다. {advice}",
        "the value of a sensitive field ({field_en}) of {source_en} appears where it would be published; {advice_en}",
    ),
    "sensitive-value-too-long": (
        E,
        "민감 정보({field})의 값이 {length}자입니다. 실제 이름·주소·전화번호는 {limit}자를 넘지 않으므로 값이 아니라 "
        "붙여 넣은 글로 보고, 이 값이 본문이나 게시되는 항목에 새어 나갔는지 찾지 않았습니다(찾지 못하는 값은 지킬 수 "
        "없습니다). 이 항목에는 실제 값만 적고 나머지 글은 지우세요.",
        "the value of a sensitive field ({field_en}) is {length} characters long: no real name, address or phone "
        "is longer than {limit}, so it is taken for pasted text and was not looked for where the site publishes "
        "text (a value not looked for is not protected); write only the real value in this field",
    ),
    # --- the site build (casekit build) ---------------------------------------
    "generator-missing": (
        E,
        "사이트 생성기를 찾을 수 없습니다: {generator}. pip install 'casekit[{generator}]'로 설치하세요.",
        "the site generator {generator} is not installed: pip install 'casekit[{generator}]'",
    ),
    "generator-failed": (
        E,
        "{generator} 빌드가 실패했습니다 (종료 코드 {exit_code}): {detail}",
        "{generator} build failed (exit {exit_code}): {detail}",
    ),
    "site-not-written": (
        E,
        "사이트를 {site_dir}에 쓰지 못했습니다 ({reason_ko}). {kept_ko}",
        "the site could not be written to {site_dir} ({reason_en}); {kept_en}",
    ),
    "generator-template-refused": (
        E,
        "테마 템플릿 {template}({at}번째 줄)이 Jinja 샌드박스가 막는 것에 손을 댔습니다: {detail}. 템플릿은 "
        "서버의 코드를 실행하거나 파일을 읽을 수 없습니다(밑줄로 시작하는 속성, 함수의 globals 같은 것). 사례집의 테마 "
        "폴더(custom_dir)에 있는 이 템플릿을 고치거나 지우세요.",
        "the theme template {template} (line {at}) reached for what Jinja's sandbox refuses: {detail}; a template "
        "may not run code or read files on the build machine: fix or remove it from the casebook's custom_dir",
    ),
    "sensitive-variant-in-text": (
        E,
        "{source}에 적힌 민감 정보({field})의 값이 모양을 바꿔({variant}) 게시되는 곳에 있습니다. {advice}",
        "the value of a sensitive field ({field_en}) of {source_en} appears, written another way ({variant_en}), where it "
        "would be published; {advice_en}",
    ),
    "given-name-in-text": (
        W,
        "민감 정보({field})의 이름(성 없이)으로 보이는 말이 있습니다. 본문에서는 사이트에 ○○으로 가려지지만, "
        "docs/ 페이지의 머리말 값은 그대로 실립니다. 이름이면 지우세요. 본문의 보통 낱말이면 "
        "그 줄에 <!-- casekit: name-ok -->를 적으세요.",
        "what looks like the given name of a sensitive field ({field_en}); a body's is masked as ○○ on the site, "
        "but a docs/ page's front-matter values are published as written: remove a name. "
        "If it is an ordinary word in a body, write <!-- casekit: name-ok --> on that line",
    ),
    "given-name-in-field": (
        E,
        "민감 정보({field})의 이름(성 없이)으로 보이는 말이 머리말 항목이나 사이트 설정(mkdocs.yml)의 값에 있습니다. 이 값은 "
        "사이트에 가려지지 않고 그대로 실립니다. 이름을 지우거나 가명 표기(예: 김○○ 님)로 바꾸세요. 이름이 아니라 같은 "
        "글자의 낱말(도움, 하늘)이면 그 줄 끝에 '# casekit: name-ok'를 적으세요.",
        "what looks like the given name of a sensitive field ({field_en}) is in a front-matter value or a site "
        "setting (mkdocs.yml), which the site publishes as written (it masks only bodies): remove it or use the "
        "alias; if it is an ordinary word there, end its line with '# casekit: name-ok'",
    ),
    "given-name-in-name": (
        E,
        "파일·폴더 이름에 민감 정보({field})의 이름(성 없이)이 있습니다. 파일·폴더 이름은 사이트의 주소(URL)에 그대로 "
        "실리고 가려지지 않습니다. 이름이 없는 이름(보여 주는 것을 뜻하는 이름)으로 바꾸세요.",
        "a file's or folder's name holds the given name of a sensitive field ({field_en}); the site publishes the "
        "name in its addresses, where nothing is masked: rename it to say what it holds",
    ),
    # --- personal data in text (PII guard) -------------------------------------
    "pii-resident-number": (
        E,
        "주민등록번호로 보이는 숫자가 있습니다. 클라이언트 본인의 번호라면 접수 기록의 client.resident_number(민감 항목)에만 "
        "적고, 가족이나 다른 사람의 번호라면 지우세요.",
        "something that looks like a resident registration number: the client's goes in the intake's sensitive "
        "client.resident_number only; delete anyone else's",
    ),
    "pii-phone": (
        E,
        "전화번호로 보이는 숫자가 있습니다. 클라이언트나 가족, 개인의 번호라면 지우세요(필요하면 client.phone 같은 "
        "민감 항목에만 적습니다). 기관 대표번호처럼 공개된 번호일 때만 casekit.yml의 pii.allow에 추가하세요.",
        "something that looks like a phone number; delete it if it is a person's number (keep it only in a "
        "sensitive field such as client.phone); add it to pii.allow in casekit.yml only if it is a public number",
    ),
    "pii-email": (
        E,
        "전자우편 주소가 있습니다. 클라이언트나 가족, 개인의 주소라면 지우세요. 기관 대표 주소처럼 공개된 주소일 때만 "
        "casekit.yml의 pii.allow에 추가하세요.",
        "an e-mail address: delete it if it is a person's; add it to pii.allow in casekit.yml only if it is a public address",
    ),
    "pii-bank-account": (
        E,
        "계좌번호가 있습니다(앞에 계좌·통장·은행 같은 말이 있습니다). 클라이언트나 가족의 계좌라면 본문에서 지우세요. "
        "기관의 후원 계좌처럼 공개된 계좌일 때만 casekit.yml의 pii.allow에 추가하세요.",
        "a bank account number (a bank's word comes before it); delete it if it is a client's or a family's; "
        "add it to pii.allow in casekit.yml only if it is public, like the agency's donation account",
    ),
    "pii-card": (
        E,
        "카드번호로 보이는 숫자가 있습니다. 카드번호는 어디에도 적지 마세요.",
        "something that looks like a payment card number; write it nowhere",
    ),
    "pii-driver-license": (
        E,
        "운전면허번호로 보이는 번호가 있습니다(고유식별정보). 본문에서 지우세요.",
        "something that looks like a driver's licence number (a unique identifier); delete it",
    ),
    "pii-passport": (
        E,
        "여권번호로 보이는 번호가 있습니다(고유식별정보). 본문에서 지우세요.",
        "something that looks like a passport number (a unique identifier); delete it",
    ),
    "pii-account": (
        W,
        "계좌번호로 보이는 숫자가 있습니다. 민감 정보는 본문에 적지 마세요.",
        "something that looks like a bank account number; keep it out of published text",
    ),
    # --- history from git and handovers (casekit log, casekit reassign) ----------------
    "history-no-git": (
        W,
        "변경 이력이 없습니다: {reason}. 기록별 마지막 변경 날짜와 담당자는 표시되지 않습니다.",
        "no change history: {reason}; last-change dates and workers are not shown",
    ),
    "history-shallow": (
        W,
        "얕은 복제(shallow clone)라 변경 이력이 {date} 커밋에서 잘려 있습니다. 그 커밋의 변경은 '그날 또는 그 이전'이라는 뜻입니다. "
        "전체 이력: git fetch --unshallow",
        "shallow clone: the history is cut at the commit of {date}; changes shown there happened then or earlier "
        "(get all of it with git fetch --unshallow)",
    ),
    "handover-from-mismatch": (
        W,
        "{date}에 이 사례의 담당자는 {current}였는데 전 담당자가 {worker}로 적혀 있습니다. 기록과 앞 항목을 확인하세요.",
        "on {date} the case was {current}'s, but the handover is from {worker}; check the records and earlier entries",
    ),
    "worker-changed-unrecorded": (
        W,
        "담당자가 {old}에서 {new}(으)로 바뀌었는데 담당자 변경 기록이 없습니다. casekit은 이제 이 사례를 {new}의 사례로 봅니다"
        "(casekit due --worker {new}). 인계였다면 cases/{case}/handover.yml에 남기세요: handovers: - date: {date}, "
        "from: {old}, to: {new}, reason: \"변경 사유\". 이 기록만 다른 사람이 대신 썼다면 worker를 담당자 {old}(으)로 고치세요.",
        "the worker changes from {old} to {new} with no handover recorded: casekit now counts the case as {new}'s; "
        "record the handover in cases/{case}/handover.yml, or write the case's worker {old} if {new} only wrote this record",
    ),
    "handover-same-worker": (
        E,
        "담당자 변경의 전 담당자와 새 담당자가 같습니다({worker}).",
        "the handover is from and to the same worker ({worker})",
    ),
    "handover-date-order": (
        E,
        "담당자 변경 날짜 {date}이(가) 앞 항목의 날짜 {previous}보다 이릅니다. 항목은 일어난 순서대로 덧붙입니다.",
        "handover date {date} is before the previous entry's date {previous}; entries are appended in order",
    ),
    "handover-future": (
        W,
        "담당자 변경 날짜 {date}이(가) 오늘({today})보다 뒤입니다. casekit은 적힌 변경을 바로 반영해 지금부터 "
        "{worker}을(를) 담당으로 보여 주므로, 날짜를 확인하거나 실제로 바뀌는 날에 적으세요(casekit reassign).",
        "handover date {date} is after today ({today}); casekit counts it at once ({worker} is shown as the "
        "worker now): check the date, or write it on the day the case changes hands",
    ),
    "handover-before-intake": (
        E,
        "담당자 변경 날짜 {date}이(가) 접수일 {intake}보다 이릅니다.",
        "handover date {date} is before the intake date {intake}",
    ),
    "settings-outside-load": (
        E,
        "mkdocs.yml의 '{key}' 설정 때문에 사이트가 다른 곳에서 자료를 불러옵니다({what}). 사례집 사이트는 다른 곳에 "
        "아무것도 묻지 않아야 하므로 이 설정을 지우거나(글꼴은 font: false) 파일을 docs/ 안에 두세요.",
        "the '{key}' setting in mkdocs.yml makes the site load from another host ({what}); the casebook site must "
        "ask no other host for anything: remove it (for fonts: font: false) or keep the file inside docs/",
    ),
    "settings-unsafe": (
        E,
        "mkdocs.yml의 '{key}'은(는) 쓸 수 없습니다: {what}. 사례집 사이트는 casekit이 검사한 것만 싣고 저장소의 "
        "설정이 코드를 실행하지 않아야 하므로 이 설정을 지우세요.{hint}",
        "'{key}' in mkdocs.yml is not allowed: {what}; the casebook site publishes only what casekit checked and its "
        "settings run no code: remove it{hint_en}",
    ),
    "theme-file-refused": (
        E,
        "테마 폴더(mkdocs.yml의 theme.custom_dir)의 이 항목은 쓸 수 없습니다: {what}",
        "this entry of the theme's folder (theme.custom_dir in mkdocs.yml) is not allowed: {what}",
    ),
    "theme-template-refused": (
        E,
        "테마 템플릿의 이 태그({what})는 사이트에 실을 수 없습니다: {why}. 템플릿에서 이 태그를 지우세요. 그대로 "
        "두면 `casekit build`가 이 템플릿이 들어간 모든 쪽에서 같은 것을 찾고 사이트를 지웁니다.",
        "this tag of a theme template ({what}) may not be published: {why_en}; remove it from the template "
        "(`casekit build` would find it on every page the template is in and remove the site)",
    ),
    "settings-docs-dir": (
        E,
        "mkdocs.yml의 docs_dir '{value}'이(가) 사례집 밖을 가리킵니다. 사례집 안의 폴더(예: docs)를 쓰세요.",
        "docs_dir '{value}' in mkdocs.yml leads outside the casebook; use a folder inside it (e.g. docs)",
    ),
    "docs-theme-missing": (
        E,
        "이 쪽의 머리말 '{key}: {value}'이(가) 가리키는 것이 테마(Material)에 없습니다(테마 밖을 가리키는 경로도 쓸 수 "
        "없습니다). 이 줄을 지우거나 테마에 있는 이름을 쓰세요. 그대로면 사이트를 만들지 못합니다.",
        "this page's front matter '{key}: {value}' names nothing of the theme (Material), or a path out of it: "
        "remove it or name one the theme has; the site cannot be built with it",
    ),
    "settings-theme-missing": (
        E,
        "mkdocs.yml의 '{key}: {value}'은(는) 테마(Material)에 없어 사이트를 만들 수 없습니다.{hint}",
        "mkdocs.yml: '{key}: {value}' is not in the theme (Material): the site cannot be built.{hint_en}",
    ),
    "settings-unknown": (
        W,
        "mkdocs.yml의 '{key}'은(는) {owner}에 없는 설정이라 읽히지 않고 사이트는 이 설정 없이 만들어집니다.{hint}",
        "'{key}' in mkdocs.yml is no setting of {owner_en}: it is ignored and the site is built without it{hint_en}",
    ),
    "settings-value": (
        E,
        "mkdocs.yml의 '{key}: {value}'을(를) 쓸 수 없습니다: {what}. 이대로면 `mkdocs build`가 멈춥니다.",
        "'{key}: {value}' in mkdocs.yml cannot be used: {what_en}; `mkdocs build` stops on it",
    ),
    "settings-nav-missing": (
        W,
        "mkdocs.yml의 메뉴(nav) 항목 '{label}'이(가) 가리키는 {value}은(는) {docs}/ 폴더에도, casekit이 만드는 쪽에도 "
        "없습니다: 메뉴의 이 링크는 없는 쪽으로 갑니다.{hint}",
        "the menu (nav) entry '{label}' in mkdocs.yml names {value}, neither in {docs}/ nor a page casekit makes: "
        "the link leads nowhere{hint_en}",
    ),
    "settings-docs-missing": (
        W,
        "mkdocs.yml의 docs_dir '{value}'이(가) 가리키는 폴더가 사례집에 없습니다: 직접 쓴 쪽(사용 안내 같은)이 "
        "사이트에서 빠집니다.{hint}",
        "docs_dir '{value}' in mkdocs.yml names no folder of the casebook: the pages you wrote (a guide) are left "
        "out of the site{hint_en}",
    ),
    "settings-invalid": (E, "mkdocs.yml을 읽을 수 없습니다: {detail}", "mkdocs.yml cannot be read: {detail}"),
    "config-invalid": (E, "casekit.yml 설정 오류: {detail}", "casekit.yml: {detail}"),
    "config-warning": (W, "casekit.yml 설정 확인: {detail}", "casekit.yml: {detail}"),
    # --- working together in git ------------------------------------------------
    "template-tag-in-body": (
        W,
        "본문에 서식의 자리 표시 {tag}이(가) 그대로 남아 있습니다({count}곳: {lines}번째 줄). 사이트에 그대로 "
        "실리니 실제 내용으로 바꾸거나 지우세요.",
        "the template's placeholder {tag} is left in the body ({count} place(s): line(s) {lines}); the page shows it "
        "as written: replace it with what it stands for, or delete it",
    ),
    "template-invalid": (
        E,
        "서식이 잘못되어 `casekit new`·`add`가 이 서식으로 만드는 기록마다 같은 문제가 생깁니다: {detail}. 서식을 "
        "고치세요(\"<…>\" 안내 문구는 그대로 두어도 됩니다).",
        "the template is broken, so every record `casekit new` or `add` makes from it is: {detail_en}; fix the "
        "template (its \"<…>\" prompts may stay)",
    ),
    "template-unused": (
        W,
        "templates/{name}은(는) casekit이 쓰지 않는 서식입니다: 파일 이름이 단계 이름이 아닙니다.{hint} "
        "단계: {stages}",
        "templates/{name} is never used: its name is no stage{hint_en}; stages: {stages}",
    ),
    "template-missing": (
        W,
        "templates/ 폴더에 {stages} 서식이 없어 `casekit new`·`add`가 casekit 기본 서식을 씁니다. 지웠거나 이름을 "
        "바꾼 것이라면 되살리세요(git을 쓰면 `git restore templates/`).",
        "templates/ lacks {stages}: `casekit new` and `add` use the shipped template instead; restore it if it "
        "was deleted or renamed",
    ),
    "template-unfilled": (
        E,
        "서식(templates/)의 자리 표시 {tag}이(가) 그대로 남아 있습니다({count}곳: {lines}번째 줄). 서식 파일을 복사해 "
        "만들었다면 지우고 `{add}` 명령으로 다시 만드세요: 사례 ID, 날짜, 담당자, 계획의 목표가 채워집니다(번호는 사례의 "
        "마지막 기록 다음으로 매겨지니, 이 기록 뒤에 다른 기록이 있으면 손으로 고치세요). 손으로 고치려면 "
        "{{{{…}}}}를 실제 값으로 바꾸고, {{{{#goals}}}}와 {{{{/goals}}}} 줄은 지운 뒤 그 사이 항목을 목표마다 한 번씩 적으세요.",
        "the template's placeholder {tag} is left as it is ({count} place(s): line(s) {lines}); if the file is a copy "
        "of a template, delete it and run `{add}`, which fills in the case, date, worker and the plan's goals (and "
        "numbers it after the case's last record: with records after this one, edit it by hand); or "
        "replace each {{{{…}}}} with its value and delete the {{{{#goals}}}} and {{{{/goals}}}} lines, writing the "
        "items between them once per goal",
    ),
    "git-conflict": (
        E,
        "git 병합 충돌 표시(<<<<<<<, =======, >>>>>>>)가 남아 있습니다. {why} 두 내용 가운데 맞는 것을 남기고 "
        "표시 줄을 지운 뒤 다시 검사하세요.{hint}",
        "git merge conflict markers (<<<<<<<, =======, >>>>>>>) are left in the file: {why_en}; keep the right "
        "text, delete the marker lines and check again{hint_en}",
    ),
    "case-id-collision": (
        E,
        "사례 번호가 겹칩니다: '{name}', '{other}' ({why}). 한 사례라면 기록을 한 폴더로 모으고, 다른 사례라면 "
        "한쪽을 새 번호로 옮기세요(git mv).",
        "case ids '{name}' and '{other}' collide ({why_en}); if they are one case, keep its records in one "
        "folder, otherwise move one to a new id (git mv)",
    ),
    # --- the built site (casekit.site.audit: what is published) -------------------
    "site-bidi-control": (
        E,
        "글자 방향을 바꾸는 보이지 않는 문자(U+{char})가 게시됩니다. 화면에 보이는 순서가 적힌 순서와 달라 "
        "검사를 피할 수 있습니다. 이 문자가 들어간 원본을 찾아 지우세요.",
        "an invisible character that changes the direction of text (U+{char}) is published: what is shown "
        "differs from what is written; remove it from its source",
    ),
    "site-unreadable-text": (
        E,
        "게시된 파일이 글자를 적힌 것과 다른 순서나 모양으로 보여 줍니다({what}). 화면의 글이 빌드 끝의 검사가 읽은 "
        "글과 달라져 민감 정보가 검사를 피할 수 있습니다. 글의 방향을 바꾸는 dir·<bdo>·style과 쪽에 적어 넣은 그림"
        "(data: 주소)은 실을 수 없으니 테마 템플릿이나 원본에서 지우세요.",
        "a published file shows text in another order or form than it is written ({what}): what a reader sees is "
        "not what the audit read; remove it from the theme template or its source",
    ),
    "site-sensitive": (
        E,
        "게시된 파일에 민감 정보가 들어 있습니다: {source}의 {field} 값(또는 그 변형). 값은 보이지 않게 했습니다. 그 기록이나 문서에서 값을 지우고 다시 빌드하세요.",
        "a published file contains a sensitive value: {field} of {source} (or a variant of it; the value is not shown)",
    ),
    "site-outside-load": (
        E,
        "게시된 파일이 다른 호스트에서 자료를 불러옵니다({what}). 사례집 사이트는 자기 자신 밖의 어떤 것도 불러오면 안 됩니다.",
        "a published file loads something from another host ({what}); the casebook site must load nothing from outside",
    ),
    "site-active-content": (
        E,
        "게시된 파일에 실행되거나 다른 곳으로 보내는 내용이 있습니다({what}). 테마의 것이 아닌 스크립트, 이벤트 속성, 프레임, 양식은 실을 수 없습니다.",
        "a published file holds active content ({what}); scripts not from the theme, event handlers, frames and forms are not allowed",
    ),
    "site-unexpected-file": (
        E,
        "사례집에서 만들어지지 않은 파일이 사이트에 있습니다({reason}). 페이지, 검색 색인, 사이트맵, 테마와 casekit의 자산, 허용된 docs/ 자료만 게시합니다.",
        "the site holds a file not produced from the casebook ({reason}); only pages, the search index, sitemaps, theme and casekit assets and allowed docs/ assets are published",
    ),
    "site-no-policy": (
        E,
        "페이지 머리에 casekit의 보안 정책(Content-Security-Policy)이 없거나 바뀌었습니다. 빌드한 뒤 고친 페이지일 수 있으니 다시 빌드하세요.",
        "a page lacks casekit's Content-Security-Policy at its head, or holds another one; it may have been changed after the build: build again",
    ),
    "site-not-regular": (
        E,
        "사이트에 일반 파일이나 폴더가 아닌 것({kind})이 있습니다. 링크나 특수 파일은 게시하지 않습니다.",
        "the site holds something that is not a regular file or folder ({kind}); links and special files are not published",
    ),
}

from casekit.core.messages_practice import PRACTICE_MESSAGES  # noqa: E402  (consent, plausibility, household)

MESSAGES.update(PRACTICE_MESSAGES)
