// Writes an incident as a notice: title, dated byline, what happened, what leaked, what was done.
// Several phrasings per section, so that the corpus is not one sentence pattern repeated.
import type { Rng } from './prng.ts';
import type { Block, GeneratedPost } from './blocks.ts';
import { addDays, type Day } from './dates.ts';
import { cardWords, employeeWords, groupLabels, joinWords, randomDataWords, typesOf, type DataWord } from './data-kinds.ts';
import { pickUnit, randomSize, roundish, stateCount, writeNumber, type StatedCount } from './counts.ts';
import { isoOrNull, type Incident } from './incident.ts';

const LEAK = ['漏えい', '漏洩', '流出'];

function headingStyle(rng: Rng): (i: number, text: string) => string {
  const style = rng.int(0, 4);
  return (i, text) =>
    [`${i}．${text}`, `■${text}`, `【${text}】`, `${String.fromCharCode(0xff10 + i)}　${text}`, `（${i}）${text}`][style]!;
}

function titleOf(rng: Rng, inc: Incident): string {
  const leak = rng.pick(LEAK);
  const ua = inc.saysUnauthorized;
  const personal = `個人情報${leak}`;
  const t: Record<string, string[]> = {
    ransomware: ua
      ? ['当社サーバーへの不正アクセスに関するお知らせ', 'ランサムウェアによる不正アクセス被害について', `不正アクセスによる${personal}の可能性に関するお詫びとお知らせ`]
      : ['ランサムウェア被害の発生について', 'ランサムウェア感染によるシステム障害に関するお知らせ', 'サイバー攻撃による被害の発生について'],
    unauthorized_access: ['不正アクセスによる個人情報の漏えいに関するお詫びとお知らせ', `弊社サーバーへの不正アクセスと${personal}のおそれについて`, '不正アクセス被害に関するご報告'],
    web_skimming: [`弊社が運営する${inc.org.service}への不正アクセスによる${personal}に関するお詫びとお知らせ`, `不正アクセスによるクレジットカード情報${leak}に関するお詫びとお知らせ`],
    sql_injection: [`不正アクセスによる${personal}に関するお詫び`, `ウェブサイトへの不正アクセスに関するお知らせ`],
    credential_stuffing: ['不正ログインの発生に関するお詫びとお知らせ', '第三者による不正ログインについて', '会員アカウントへの不正ログインに関するお知らせ'],
    account_takeover: ['公式SNSアカウントの乗っ取りに関するお詫び', 'メールアカウントの乗っ取り被害について', 'アカウント乗っ取りによる迷惑メール送信に関するお詫び'],
    phishing: ['フィッシングメールによるメールアカウントへの不正アクセスについて', `フィッシング被害による${personal}の可能性に関するお知らせ`],
    malware: ['マルウェア感染によるなりすましメールに関するお詫び', `マルウェア感染に伴う${personal}の可能性について`, '職員を装った不審メールに関するご注意'],
    support_scam: ['サポート詐欺による個人情報流出の可能性について', '業務用パソコンへの遠隔操作被害に関するお知らせ'],
    misconfiguration: [`クラウドサービスの設定不備による${personal}に関するお詫び`, `ファイル共有設定の誤りによる${personal}の可能性について`],
    misdelivery: ['メール誤送信に関するお詫び', `個人情報を含む書類の誤送付に関するお詫び`, 'メールアドレスの流出についておわび', `誤送信による${personal}に関するお詫びとご報告`],
    loss: ['個人情報が含まれたUSBメモリの紛失に関するお詫びとご報告', '業務用端末の紛失について', '個人情報を含む書類の紛失に関するお詫び'],
    theft: ['業務用パソコンの盗難に関するお詫び', '個人情報を含む書類の盗難被害について'],
    insider: ['元従業員による顧客情報の不正持ち出しに関するお詫び', `従業員による${personal}に関するお詫びとお知らせ`],
    ddos: ['ホームページの閲覧障害について', 'DDoS攻撃によるウェブサイトの閲覧障害に関するお知らせ'],
    outage: ['システム障害に関するお詫び', `${inc.org.service}の障害発生と復旧について`],
  };
  return rng.pick(t[inc.event]!);
}

function openingOf(rng: Rng, inc: Incident): string {
  const self = inc.org.self;
  const greet = rng.pick([
    `平素より${self === '当院' ? '当院をご利用いただき' : 'ご愛顧いただき'}、誠にありがとうございます。`,
    'このたび、',
    '',
    `日頃より${self === '本市' || self === '本町' || self === '本県' ? '行政' : '弊社'}の業務にご理解とご協力を賜り、厚く御礼申し上げます。`,
  ]);
  const body = inc.hasData
    ? rng.pick([
        `${self}において、${inc.org.people}の個人情報が外部に${rng.pick(LEAK)}した可能性があることが判明いたしました。`,
        `${self}が保有する個人情報の取扱いに関して、以下のとおり事案が発生いたしました。`,
        '下記のとおり個人情報に関する事案が発生しましたので、お知らせいたします。',
      ])
    : rng.pick([`${self}のサービスにおいて、下記のとおり障害が発生いたしました。`, '下記の事象が発生しましたので、ご報告いたします。']);
  const apology = rng.pick([
    '関係者の皆様に多大なるご迷惑とご心配をおかけしますことを、深くお詫び申し上げます。',
    '皆様には大変なご心配とご迷惑をおかけしますことを、心よりお詫び申し上げます。',
    'ご迷惑をおかけしましたことを深くお詫び申し上げます。',
  ]);
  return `${greet}${body}${apology}`;
}

/** 「6月9日」 or 「同日」 for the discovery day, written against what came before it. */
function dayWords(inc: Incident, day: Day, ref: Day | null): string {
  if (ref && ref.y === day.y && ref.m === day.m && ref.d === day.d) return '同日';
  return ref ? inc.dates.short(day, ref) : inc.dates.full(day);
}

/** 当社従業員 in a company, 本市職員 in a public body, 当院職員 in a hospital. */
function staffOf(inc: Incident): string {
  return `${inc.org.self}${inc.org.self === '当社' || inc.org.self === '弊社' ? '従業員' : '職員'}`;
}

function discoveryPhrase(rng: Rng, inc: Incident): string {
  const { people, self } = inc.org;
  switch (inc.discovery) {
    case 'customer_report':
      return rng.pick([`${people}からのお問い合わせにより`, `${people}から「身に覚えのないメールが届いた」とのご連絡をいただき`, `${people}からのご指摘を受けて確認したところ`]);
    case 'card_company':
      return rng.pick(['クレジットカード会社から、カード情報の漏えい懸念について連絡を受け', '一部のクレジットカード会社からの連絡により']);
    case 'external_researcher':
      return rng.pick(['外部のセキュリティ研究者からの指摘により', 'セキュリティ会社から情報提供を受け']);
    case 'police':
      return rng.pick(['警察からの連絡により', '所轄の警察署から情報提供があり']);
    case 'vendor_report':
      return inc.contractor ? `委託先である${inc.contractor}から報告を受け` : rng.pick(['システムの保守業者からの報告により', '保守を担当する事業者から連絡を受け']);
    case 'attacker_claim':
      return rng.pick(['サーバー上に攻撃者からの脅迫文が残されているのを確認し', `攻撃者グループのリークサイトに${self}の名称が掲載されていることを確認し`]);
    default:
      switch (inc.event) {
        case 'loss':
          return rng.pick(['職員が所在を確認しようとした際に見当たらないことに気付き', '翌朝の確認作業で所在が分からないことが判明し']);
        case 'theft':
          return '出勤した職員が被害に気付き';
        case 'misdelivery':
          return rng.pick(['送信直後に担当職員が誤りに気付き', '社内での確認作業により']);
        default:
          return rng.pick([`${self}のシステム監視において不審な通信を検知したことにより`, '職員が異常に気付いたことにより', '社内の定期点検により']);
      }
  }
}

interface EventText {
  paras: string[];
  /** A count the event sentence itself states (BCC mail to 386 people), overriding the data section. */
  inlineCount?: StatedCount;
  /** Data words the event fixes (the mail addresses of a BCC mistake). */
  words?: DataWord[];
}

function eventText(rng: Rng, inc: Incident): EventText {
  const { self, service, people } = inc.org;
  const staff = staffOf(inc);
  const where = inc.contractor ? `${self}が業務を委託している${inc.contractor}` : self;
  const occ = inc.occurred ? inc.dates.full(inc.occurred) : null;
  const orderFirst = rng.chance(0.7) || !inc.occurred;
  // Told after the event, the discovery day can lean on it (「同日」); told first, it stands alone.
  const discDay = dayWords(inc, inc.discovered, orderFirst ? inc.occurred : null);
  const discovered = `${discDay}、${discoveryPhrase(rng, inc)}、本件が判明いたしました。`;
  const paras: string[] = [];
  let inlineCount: StatedCount | undefined;
  let words: DataWord[] | undefined;
  const happened = ((): string => {
    switch (inc.event) {
      case 'ransomware': {
        const entry = rng.pick(['VPN機器', '保守用のリモートデスクトップ', '外部接続用のネットワーク機器']);
        const s = inc.saysUnauthorized
          ? occ
            ? `${occ}、第三者が${entry}を経由して${where}のネットワークに不正アクセスし、サーバーに保存されていたファイルがランサムウェアにより暗号化されました。`
            : `${where}のサーバーが第三者による不正アクセスを受け、ランサムウェアによりファイルが暗号化される被害が発生しました。侵入の時期については現在も調査を続けております。`
          : occ
            ? `${occ}、${where}のサーバーがランサムウェアに感染し、業務システムが利用できない状態となりました。`
            : `${where}のサーバーがランサムウェアに感染し、業務システムが利用できない状態となりました。`;
        const who = inc.attacker
          ? rng.pick([`なお、攻撃者は「${inc.attacker}」を名乗るグループであることを確認しております。`, `調査の結果、「${inc.attacker}」と呼ばれるランサムウェアによる攻撃であることが判明しました。`])
          : '';
        return s + who;
      }
      case 'unauthorized_access':
        return occ
          ? rng.pick([
              `${occ}、${where}が運営する${service}のサーバーに第三者による不正アクセスがあり、${people}の個人情報が閲覧された可能性があることが判明しました。`,
              `${occ}以降、サーバーの脆弱性を悪用した不正アクセスにより、${where}の${service}に登録された情報が外部から参照されていたことが確認されました。`,
            ])
          : `${where}の${service}のサーバーが第三者による不正アクセスを受けていたことが判明しました。`;
      case 'web_skimming':
        return `${occ}から${dayWords(inc, inc.until!, inc.occurred)}までの間、${service}の決済画面が第三者による不正アクセスにより改ざんされ、ご注文時に入力されたクレジットカード情報が外部に送信されていたことが判明いたしました。`;
      case 'sql_injection':
        return `${occ}、${service}の検索機能の脆弱性を突いたSQLインジェクション攻撃による不正アクセスを受け、データベースに登録されていた情報が抜き取られた可能性があることが判明しました。`;
      case 'credential_stuffing':
        return `${occ}から、${service}に対して、他社サービスから流出したと推測されるIDとパスワードの組み合わせを用いたリスト型攻撃と思われる不正ログインが繰り返し試行され、一部の会員アカウントへのログインが成功していたことが確認されました。`;
      case 'account_takeover':
        return rng.pick([
          `${occ}、${self}の公式Instagramアカウントが第三者に乗っ取られ、ダイレクトメッセージの履歴が閲覧できる状態となりました。`,
          `${occ}、${staff}のメールアカウントが第三者に乗っ取られ、当該アカウントから多数の迷惑メールが送信されました。`,
        ]);
      case 'phishing':
        return `${occ}、${staff}が実在する事業者を装ったフィッシングメールに記載されたURLにアクセスし、メールアカウントのIDとパスワードを入力したため、第三者に当該アカウントへ不正アクセスされました。`;
      case 'malware':
        return rng.pick([
          `${occ}、${staff}の業務用パソコンがマルウェア「Emotet」に感染し、保存されていたメールの情報が窃取され、${staff}を装ったなりすましメールが送信されていることが確認されました。`,
          `${occ}、取引先を装ったメールの添付ファイルを開封したことにより業務用パソコンがマルウェアに感染し、メールソフトに登録されていた情報が外部に送信されたおそれがあります。`,
        ]);
      case 'support_scam':
        return `${occ}、${staff}が業務用パソコンでウェブサイトを閲覧中、ウイルス感染を警告する偽の画面が表示され、画面に表示された電話番号に連絡したところ、指示に従って遠隔操作ソフトをインストールしてしまいました。`;
      case 'misconfiguration':
        return `${where}が利用しているクラウドストレージの共有設定に誤りがあり、${occ}から${dayWords(inc, inc.until!, inc.occurred)}までの間、保存されていたファイルがインターネット上から閲覧できる状態となっておりました。`;
      case 'misdelivery': {
        const variant = rng.int(0, 4);
        if (variant === 0) {
          const n = rng.int(12, 2400);
          inlineCount = { value: n, text: `${writeNumber(rng, n)}名` };
          words = [{ types: ['email'], word: 'メールアドレス' }];
          return `${occ}、${people}${inlineCount.text}にメールを一斉送信した際、本来BCC欄に入力すべき宛先を誤ってTO欄に入力して送信したため、受信者間でメールアドレスが閲覧できる状態となりました。`;
        }
        return [
          `${occ}、${where}において、${people}宛てのメールに、誤って別の方の情報を含むファイルを添付して送信いたしました。`,
          `${occ}、${where}において、書類をFAXで送信する際に番号を誤り、関係のない第三者に送信いたしました。`,
          `${occ}に${where}から発送した通知書の封入作業において、別の方宛ての書類が同封されていたことが判明しました。`,
          `${occ}、${service}の不具合により、ログインした一部の${people}に他の方の情報が表示される事象が発生しました。`,
        ][variant - 1]!;
      }
      case 'loss': {
        const item = rng.pick(['個人情報を保存したUSBメモリ', '業務用ノートパソコン', '個人情報を含む書類を入れた鞄', '業務用スマートフォン']);
        return rng.pick([
          `${occ}、${where}の職員が外出先で${item}を紛失いたしました。`,
          `${occ}、${where}の職員が帰宅途中に立ち寄った飲食店で${item}を置き忘れ、紛失いたしました。`,
        ]);
      }
      case 'theft':
        return rng.pick([
          `${occ}夜、${self}の事務所に何者かが侵入し、業務用パソコン${rng.int(2, 6)}台が盗まれる被害が発生しました。`,
          `${occ}、職員が業務で使用していた車両が車上荒らしに遭い、個人情報を含む書類を入れた鞄が盗まれました。`,
        ]);
      case 'insider':
        return inc.contractor
          ? `委託先である${inc.contractor}の従業員が、${occ ? `${occ}頃から、` : ''}業務上取り扱っていた${self}の顧客情報を不正に持ち出していたことが判明しました。`
          : `${self}の元従業員が、${occ ? `在職中の${occ}頃から、` : '在職中に、'}業務で使用していた顧客情報を不正に持ち出していたことが判明しました。`;
      case 'ddos': {
        const who = inc.attacker ? `親ロシア派のハッカー集団「${inc.attacker}」がSNS上で犯行を示唆する投稿を行っております。` : '';
        return `${occ}、${self}のウェブサイトが大量のアクセスを受けるDDoS攻撃を受け、約${rng.int(2, 9)}時間にわたり閲覧しづらい状態となりました。${who}`;
      }
      case 'outage':
        return `${occ}、${self}の${service}でシステム障害が発生し、約${rng.int(2, 12)}時間にわたりサービスをご利用いただけない状態となりました。原因はサーバー機器の故障によるもので、外部からの攻撃ではございません。`;
    }
  })();
  if (orderFirst) paras.push(happened, discovered);
  else paras.push(discovered.replace('本件が判明いたしました。', '調査を開始しました。'), `調査の結果、${happened}`);
  if (!inc.hasData) paras.push(rng.pick(['なお、本件による個人情報の漏えいは確認されておりません。', '現時点で、情報の流出等の被害は確認されておりません。']));
  if (inc.contractor && rng.chance(0.7)) {
    paras.push(rng.pick([`本件は、${self}が業務を委託している${inc.contractor}において発生したものです。`, `なお、本件は委託先の管理下で発生した事案です。`]));
  }
  return { paras, ...(inlineCount ? { inlineCount } : {}), ...(words ? { words } : {}) };
}

export interface DataSection {
  blocks: Block[];
  count: number | null;
  types: string[];
}

/** What leaked and how many: one count, groups with a total, groups to add up, or card holders inside all customers. */
export function dataSection(rng: Rng, inc: Incident, ev: EventText, forced?: { exact: number; exactText?: boolean }): DataSection {
  const blocks: Block[] = [];
  const leak = rng.pick(LEAK);
  const label = rng.pick([`${leak}した可能性のある情報`, `${leak}のおそれがある個人情報`, `対象となる情報`]);
  if (ev.inlineCount) {
    const words = ev.words ?? [];
    blocks.push({ kind: 'items', items: [`対象：${ev.inlineCount.text}`, `${label}：${joinWords(rng, words)}`] });
    return { blocks, count: ev.inlineCount.value, types: typesOf(words) };
  }
  if (inc.event === 'web_skimming') {
    const cards = cardWords(rng, rng.chance(0.7));
    const nCards = forced?.exact ?? randomSize(rng);
    const cardCount = forced ? { value: nCards, text: `${writeNumber(rng, nCards)}名` } : stateCount(rng, nCards, '名');
    const items = [`（1）クレジットカード情報`, `対象：${inc.dates.full(inc.occurred!)}から${inc.dates.full(inc.until!)}までの期間に${inc.org.service}でクレジットカード決済をされたお客様${cardCount.text}`, `${label}：${joinWords(rng, cards)}`];
    if (rng.chance(0.5)) {
      const extra = randomDataWords(rng, inc.org, ['name', 'address', 'phone', 'email', 'login_id', 'password']);
      const all = cardCount.value + rng.int(1, 3) * cardCount.value;
      const allText = `${writeNumber(rng, all)}名`;
      items.push(`（2）個人情報`, `対象：会員登録をされたお客様${allText}（上記（1）のお客様を含みます）`, `${label}：${joinWords(rng, extra)}`);
      blocks.push({ kind: 'items', items });
      return { blocks, count: all, types: typesOf([...cards, ...extra]) };
    }
    blocks.push({ kind: 'items', items });
    return { blocks, count: cardCount.value, types: typesOf(cards) };
  }
  const words = inc.event === 'insider' || inc.event === 'account_takeover' || inc.event === 'phishing' || inc.event === 'malware'
    ? randomDataWords(rng, inc.org, inc.event === 'insider' ? ['name', 'address', 'phone', 'birthdate', 'other'] : ['name', 'email', 'phone', 'other'])
    : randomDataWords(rng, inc.org);
  const unit = pickUnit(rng);
  const mode = forced ? 'groups_total' : rng.weighted([['single', 45], ['groups_total', 20], ['groups_sum', 15], ['none', 8], ['prose', 12]] as const);
  if (mode === 'none') {
    blocks.push({ kind: 'para', text: `${label}は、${joinWords(rng, words)}です。対象となる件数については現在調査中であり、判明次第お知らせいたします。` });
    return { blocks, count: null, types: typesOf(words) };
  }
  if (mode === 'single' || mode === 'prose') {
    const c = stateCount(rng, randomSize(rng), unit);
    if (mode === 'single') blocks.push({ kind: 'items', items: [`対象：${inc.org.people}${c.text}`, `${label}：${joinWords(rng, words)}`] });
    else blocks.push({ kind: 'para', text: `${inc.org.people}${c.text}の${joinWords(rng, words)}が${leak}した可能性がございます。` });
    return { blocks, count: c.value, types: typesOf(words) };
  }
  // Several groups, each with its own data; the notice states a total or leaves the sum to the reader.
  const labels = rng.sample(groupLabels(inc.org), rng.int(2, 3));
  const exact = forced?.exact;
  const sizes = labels.map(() => randomSize(rng));
  if (exact !== undefined) {
    const sum = sizes.reduce((a, b) => a + b, 0);
    for (let i = 0; i < sizes.length; i++) sizes[i] = Math.max(1, Math.floor((sizes[i]! / sum) * exact));
    sizes[0]! += exact - sizes.reduce((a, b) => a + b, 0);
  }
  const groupWords = labels.map((l) => (/従業員|退職者|職員|教職員/.test(l) ? employeeWords(rng) : rng.sample(words, Math.max(1, words.length - rng.int(0, 1)))));
  const total = sizes.reduce((a, b) => a + b, 0);
  const unitWord = unit.replace('分', '');
  if (rng.chance(0.5)) {
    const rows = [['区分', '主な項目', '件数'], ...labels.map((l, i) => [l, groupWords[i]!.map((w) => w.word).join('、'), `${writeNumber(rng, sizes[i]!)}${unitWord}`])];
    if (mode === 'groups_total') rows.push(['合計', '', `${writeNumber(rng, total)}${unitWord}`]);
    blocks.push({ kind: 'para', text: `${label}は次のとおりです。` }, { kind: 'table', rows });
  } else {
    const items = labels.map((l, i) => `${l}　${writeNumber(rng, sizes[i]!)}${unitWord}（${joinWords(rng, groupWords[i]!)}）`);
    if (mode === 'groups_total') items.push(rng.pick([`合計　${writeNumber(rng, total)}${unitWord}`, `計${writeNumber(rng, total)}${unitWord}`]));
    blocks.push({ kind: 'para', text: `${label}` }, { kind: 'items', items });
  }
  if (rng.chance(0.6)) blocks.push({ kind: 'para', text: '※上記の区分に重複はございません。' });
  return { blocks, count: total, types: typesOf(groupWords.flat()) };
}

function responseParas(rng: Rng, inc: Incident): string[] {
  const out: string[] = [];
  const report = rng.chance(0.4) ? `${inc.dates.short(addDays(inc.discovered, rng.int(1, 4)), inc.discovered)}に` : '';
  if (inc.reportedToPpc) {
    out.push(rng.pick([`個人情報保護委員会へは${report}報告を行っております。`, `${report}個人情報保護委員会に速報を提出いたしました。`, `本件については、個人情報保護委員会へ報告済みです。`]));
  }
  if (inc.reportedToPolice) {
    out.push(
      inc.event === 'loss'
        ? rng.pick(['所轄の警察署に遺失届を提出しております。', '警察へ遺失物の届出を行いました。'])
        : inc.event === 'theft'
          ? '直ちに警察に被害届を提出し、現在捜査が行われております。'
          : rng.pick(['警察に相談しており、今後の捜査に全面的に協力してまいります。', '所轄の警察署に被害を申告しております。', '警察へ通報し、捜査に協力しております。']),
    );
  } else if (inc.hasData && rng.chance(0.08)) {
    out.push('なお、本件について警察への届出は行っておりません。');
  }
  if (inc.hasData) {
    out.push(rng.pick([
      `対象となる${inc.org.people}には、個別にお詫びとご説明のご連絡を差し上げております。`,
      `対象の方には、書面にて順次ご連絡いたします。`,
      `現時点で、本件に起因する二次被害は確認されておりません。`,
    ]));
  }
  return out;
}

const PREVENTION = [
  '全ての業務端末に多要素認証を導入し、外部からのアクセス経路を見直しました。',
  '個人情報の取扱いに関する研修を全職員に対して改めて実施いたします。',
  'メール送信時に宛先を複数人で確認する手順を徹底いたします。',
  '外部機関による脆弱性診断を定期的に実施いたします。',
  'USBメモリ等の外部記録媒体の使用を原則として禁止いたします。',
  'システムの監視体制を強化し、異常の早期発見に努めてまいります。',
  '委託先の管理体制について、改めて点検を行います。',
];

function contactBlocks(rng: Rng, inc: Incident, h: (i: number, t: string) => string, i: number): Block[] {
  const phone = `0120-${String(rng.int(0, 999)).padStart(3, '0')}-${String(rng.int(0, 999)).padStart(3, '0')}`;
  return [
    { kind: 'heading', text: h(i, rng.pick(['お問い合わせ先', '本件に関するお問い合わせ窓口'])) },
    { kind: 'para', text: `${inc.org.name}　${rng.pick(['お客様相談窓口', '個人情報お問い合わせ窓口', '総務課'])}` },
    { kind: 'para', text: `電話：${phone}（受付時間：平日${rng.int(9, 10)}時～${rng.int(17, 18)}時）` },
  ];
}

export interface NoticeOptions {
  /** A follow-up (第2報) correcting the count of an earlier notice. */
  followUpOf?: { title: string; disclosure: Day; earlierCount: StatedCount; exact: number };
  /** For the first notice of a pair: state the count as an early estimate (約…). */
  earlyEstimate?: { exact: number };
}

export interface NoticeResult extends GeneratedPost {
  title: string;
  countText: StatedCount | null;
}

/** The blocks of one bare notice and the record it should yield. */
export function writeNotice(rng: Rng, inc: Incident, options: NoticeOptions = {}): NoticeResult {
  const h = headingStyle(rng);
  const follow = options.followUpOf;
  const baseTitle = titleOf(rng, inc);
  const title = follow
    ? rng.chance(0.5) ? `${follow.title.replace(/（第1報）$/, '')}（第2報）` : `${follow.title.replace(/（第1報）$/, '').replace(/(に関する|について).*$/, '')}に関する調査結果のご報告`
    : options.earlyEstimate && rng.chance(0.6) ? `${baseTitle}（第1報）` : baseTitle;
  const blocks: Block[] = [{ kind: 'title', text: title }];
  const dateLine: Block = { kind: 'date', text: inc.dates.dateLine(inc.disclosure, rng) };
  const orgLine: Block = { kind: 'org', text: inc.org.name };
  if (rng.chance(0.7)) blocks.push(dateLine, orgLine);
  else blocks.push(orgLine, dateLine);

  if (follow) {
    blocks.push({ kind: 'para', text: `${inc.dates.full(follow.disclosure)}付「${follow.title}」にてお知らせいたしました事案につきまして、調査が完了いたしましたので、その結果をご報告いたします。` });
  } else {
    blocks.push({ kind: 'para', text: openingOf(rng, inc) });
  }
  let n = 1;
  const ev = eventText(rng, inc);
  blocks.push({ kind: 'heading', text: h(n++, rng.pick(['経緯', '概要', '事案の概要', '発生の経緯'])) });
  for (const p of ev.paras) blocks.push({ kind: 'para', text: p });

  let section: DataSection = { blocks: [], count: null, types: [] };
  let early: StatedCount | null = null;
  if (inc.hasData) {
    blocks.push({ kind: 'heading', text: h(n++, follow ? `${rng.pick(LEAK)}した可能性のある情報（件数の訂正）` : rng.pick([`${rng.pick(LEAK)}した可能性のある情報`, '対象となる情報と件数', '個人情報の内容'])) });
    if (follow) {
      blocks.push({ kind: 'para', text: `第1報では対象を${follow.earlierCount.text}とお知らせしておりましたが、その後の調査で対象が広がったことが判明したため、次のとおり訂正いたします。` });
      section = dataSection(rng, inc, { paras: [] }, { exact: follow.exact });
    } else if (options.earlyEstimate) {
      // An early estimate, rounded: the follow-up corrects it with the exact figure.
      const value = Math.max(10, roundish(Math.floor(options.earlyEstimate.exact * (0.4 + rng.next() * 0.4))));
      early = { value, text: `約${writeNumber(rng, value)}件` };
      const words = randomDataWords(rng, inc.org);
      blocks.push({ kind: 'para', text: `現時点で判明している対象は${early.text}で、${joinWords(rng, words)}が含まれます。詳細は調査結果が判明次第お知らせいたします。` });
      section = { blocks: [], count: value, types: typesOf(words) };
    } else {
      section = dataSection(rng, inc, ev);
    }
    blocks.push(...section.blocks);
    if (!section.types.includes('credit_card') && rng.chance(0.25)) {
      blocks.push({ kind: 'para', text: rng.pick(['なお、クレジットカード情報は含まれておりません。', 'クレジットカード情報は当社では保有しておりません。']) });
    }
  }
  const response = responseParas(rng, inc);
  if (response.length) {
    blocks.push({ kind: 'heading', text: h(n++, rng.pick(['対応', '当社の対応', '関係機関への報告と今後の対応'])) });
    for (const p of response) blocks.push({ kind: 'para', text: p });
  }
  blocks.push({ kind: 'heading', text: h(n++, rng.pick(['再発防止策', '今後の対策'])) });
  blocks.push({ kind: 'items', items: rng.sample(PREVENTION, rng.int(2, 3)) });
  blocks.push(...contactBlocks(rng, inc, h, n++));

  return {
    title,
    blocks,
    countText: early,
    record: {
      casebook_id: null,
      kind: 'incident',
      organization: inc.org.name,
      title,
      disclosure_date: isoOrNull(inc.disclosure),
      incident_types: inc.types,
      affected_count: inc.hasData ? section.count : null,
      data_types: section.types,
      sector: inc.org.sector,
      reported_to_ppc: inc.reportedToPpc,
      reported_to_police: inc.reportedToPolice,
      contractor_involved: inc.contractor !== null,
      attacker: inc.attacker,
      discovery: inc.discovery,
      occurred_date: isoOrNull(inc.occurred),
      discovered_date: isoOrNull(inc.discovered),
    },
  };
}
