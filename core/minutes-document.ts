import type { Millis } from './community';
import type { Minutes } from './grievance-views';
import { chinaClock, chinaParts } from './china-time';

const html = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A moment as the minutes print it, in China time (UTC+8) whatever the server's zone: 2026年12月3日 14:30. */
export function minutesTime(t: Millis): string {
  const p = chinaParts(t);
  return `${p.year}年${p.month}月${p.day}日 ${chinaClock(t)}`;
}

/**
 * A meeting's minutes as one self-contained HTML document: it opens in a browser, prints to PDF
 * (A4, the table repeats its header on each page) and opens in Word or WPS. Names no resident.
 */
export function minutesDocument(m: Minutes, communityName: string): string {
  const { meeting } = m;
  const rows = m.items
    .map(
      (it, i) =>
        `<tr><td>${i + 1}</td><td>${html(it.title)}${it.number ? `<br><small>${html(it.number)}</small>` : ''}</td><td>${html(it.description)}<br><small>${html(it.where)} · ${it.voices}位居民反映</small></td><td>${html(it.decision ?? '待议定')}</td><td>${html(it.responsible ?? '')}</td><td>${it.dueAt ? html(minutesTime(it.dueAt)) : ''}</td><td>${html(it.stateLabel)}${it.outcome ? `<br><small>${html(it.outcome)}</small>` : ''}${it.rating ? `<br><small>居民评价${it.rating}星</small>` : ''}</td></tr>`,
    )
    .join('\n');
  const attendees = m.attendees.map((a) => `<tr><th>${html(a.label)}</th><td>${html(a.names)}</td></tr>`).join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${html(meeting.title)} 会议纪要</title>
<style>
body{font-family:"Songti SC","SimSun",serif;margin:2cm;color:#111;line-height:1.5}
h1{text-align:center;font-size:22pt;margin:0 0 .3em}
p.meta{text-align:center;margin:0 0 1.2em}
table{width:100%;border-collapse:collapse;margin:.6em 0 1.2em;font-size:11pt}
th,td{border:1px solid #333;padding:4px 6px;vertical-align:top;text-align:left}
thead{display:table-header-group}
tr{page-break-inside:avoid}
small{color:#444}
@page{size:A4;margin:1.5cm}
@media print{body{margin:0}}
</style></head><body>
<h1>${html(communityName)}圆桌会议纪要</h1>
<p class="meta">${html(meeting.title)}<br>时间：${html(minutesTime(meeting.at))}　地点：${html(meeting.place)}</p>
<h2>参会各方</h2>
<table><tbody>
${attendees}
</tbody></table>
<h2>议定事项（共${m.items.length}项）</h2>
<table><thead><tr><th>序号</th><th>诉求</th><th>情况</th><th>会议决定</th><th>责任方</th><th>完成期限</th><th>办理进展</th></tr></thead><tbody>
${rows}
</tbody></table>
<p>各责任方按期办结后由社区党组织录入办理结果，并请居民评价。</p>
</body></html>
`;
}
