import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  parseMinutes,
  splitMinutes,
  WARNING_CHAIR_DEPARTMENT,
  WARNING_DIVISION_ROLE,
  WARNING_DUE_BEFORE_MEETING,
  WARNING_DUE_FROM_START,
  WARNING_NO_ASSIGNEE,
  type ParseContext,
  type ParsedDirective,
} from "../../app/utils/minutes";
import meetingsData from "../../db/seed-data/meetings.json";
import { contextFor } from "../support/minutes-corpus";

const RJ = contextFor({ state: "RJ", meetingDate: "2021-08-31" });

function parseOne(text: string, context: ParseContext = RJ): ParsedDirective {
  const parsed = parseMinutes(text, context);
  expect(parsed).toHaveLength(1);
  return parsed[0];
}

// --- the seed meeting, the truth the pasted minutes must reproduce ------------

/** The assignee forms described in meetings.json's note. */
interface SeedDirective {
  text: { en: string; hi: string };
  assignees: ({ role: string; districts: string | string[] } | { department: string })[];
  dueInDays?: number;
  dueAbsolute?: string;
}

const seedMeeting = meetingsData.meetings.find((m) => m.state === "RJ" && m.date === "2021-08-31")!;
const seedDirectives: SeedDirective[] = seedMeeting.directives;

function assigneesFromSeed(directive: SeedDirective): ParsedDirective["assignees"] {
  const forRole = (role: string) => {
    const entries = directive.assignees.flatMap((a) => ("role" in a && a.role === role ? [a.districts] : []));
    if (entries.length === 0) return null;
    return entries.includes("ALL") ? "ALL" : entries.flatMap((d) => (Array.isArray(d) ? d : [d]));
  };
  return {
    collectors: forRole("COLLECTOR"),
    sps: forRole("SP"),
    departments: directive.assignees.flatMap((a) => ("department" in a ? [a.department] : [])),
  };
}

const HINDI_MINUTES = `कार्यवाही विवरण
मुख्य सचिव की वीडियो कॉन्फ्रेंस दिनांक 31.08.2021

१. सभी जिला कलेक्टर एवं पुलिस अधीक्षक — साइबर ठगी हेल्पलाइन नंबर का जिले में व्यापक प्रचार करें। (एक माह में)
२. सभी पुलिस अधीक्षक — हेल्पलाइन पर आने वाली कॉल्स की नियमित मॉनिटरिंग करें। (15 दिवस में)
३. पुलिस अधीक्षक — साइबर ठगी की शिकायत मिलते ही तुरंत कार्रवाई करें ताकि ठगी रोकी जा सके। (एक सप्ताह में)
४. पुलिस अधीक्षक एवं पुलिस मुख्यालय — बार-बार ठगी में प्रयुक्त नंबरों की पहचान कर मॉनिटरिंग करें और उन्हें ब्लॉक करवाएं। (30 दिन के भीतर)
५. एसपी — साइबर फ्रॉड पर प्रभावी नियंत्रण हेतु सुझाव भेजें। (10 दिवस में)
६. जिला कलेक्टर — हर पुलिस थाने में अलग स्वागत कक्ष का निर्माण शीघ्र पूरा करवाएं। (दो माह में)
७. सभी जिला कलेक्टर एवं ग्रामीण विकास एवं पंचायती राज विभाग — 2 अक्टूबर से शुरू हो रहे 'प्रशासन गांवों के संग' अभियान के ग्राम पंचायत मुख्यालयों पर शिविरों की तैयारी पूर्ण करें। (2 अक्टूबर तक)
८. स्वायत्त शासन विभाग — 2 अक्टूबर से शुरू हो रहे 'प्रशासन शहरों के संग' अभियान की तैयारी पूर्ण करें। (2 अक्टूबर तक)
`;

const ENGLISH_MINUTES = `Minutes of the video conference held on 31 August 2021

1. All Collectors and SPs: Publicise the cyber-fraud helpline number widely in the district. Within one month.
2. SPs: Monitor the calls received on the helpline regularly. Within 15 days.
3. Superintendents of Police: Act on every cyber-fraud complaint as soon as it is received, so that the money can still be stopped. Within a week.
4. SPs and Police HQ: Identify phone numbers used again and again for fraud, monitor them and get them blocked. Within 30 days.
5. All SPs: Send suggestions for effective control of cyber fraud. Within 10 days.
6. District Collectors: Complete the separate reception room in every police station soon, to make stations public-friendly. Within two months.
7. All District Collectors and the Rural Development and Panchayati Raj Department: Complete preparations for camps at gram panchayat headquarters under 'Prashasan Gaon ke Sang', starting 2 October. Complete by 1 October.
8. Local Self Government Department: Complete preparations for 'Prashasan Shaharon ke Sang', starting 2 October. Complete by 1 October.
`;

describe("the RJ 2021-08-31 meeting pasted as minutes", () => {
  it("has the eight directives of the seed data", () => {
    expect(seedDirectives).toHaveLength(8);
  });

  it("reads the Hindi minutes (१. …) into the seed's directives", () => {
    const parsed = parseMinutes(HINDI_MINUTES, RJ);
    expect(parsed).toHaveLength(8);
    expect(parsed.map((d) => d.text)).toEqual([
      "सभी जिला कलेक्टर एवं पुलिस अधीक्षक — साइबर ठगी हेल्पलाइन नंबर का जिले में व्यापक प्रचार करें। (एक माह में)",
      "सभी पुलिस अधीक्षक — हेल्पलाइन पर आने वाली कॉल्स की नियमित मॉनिटरिंग करें। (15 दिवस में)",
      "पुलिस अधीक्षक — साइबर ठगी की शिकायत मिलते ही तुरंत कार्रवाई करें ताकि ठगी रोकी जा सके। (एक सप्ताह में)",
      "पुलिस अधीक्षक एवं पुलिस मुख्यालय — बार-बार ठगी में प्रयुक्त नंबरों की पहचान कर मॉनिटरिंग करें और उन्हें ब्लॉक करवाएं। (30 दिन के भीतर)",
      "एसपी — साइबर फ्रॉड पर प्रभावी नियंत्रण हेतु सुझाव भेजें। (10 दिवस में)",
      "जिला कलेक्टर — हर पुलिस थाने में अलग स्वागत कक्ष का निर्माण शीघ्र पूरा करवाएं। (दो माह में)",
      "सभी जिला कलेक्टर एवं ग्रामीण विकास एवं पंचायती राज विभाग — 2 अक्टूबर से शुरू हो रहे 'प्रशासन गांवों के संग' अभियान के ग्राम पंचायत मुख्यालयों पर शिविरों की तैयारी पूर्ण करें। (2 अक्टूबर तक)",
      "स्वायत्त शासन विभाग — 2 अक्टूबर से शुरू हो रहे 'प्रशासन शहरों के संग' अभियान की तैयारी पूर्ण करें। (2 अक्टूबर तक)",
    ]);
    parsed.forEach((directive, i) => {
      const seed = seedDirectives[i];
      expect(directive.text).toContain(seed.text.hi);
      expect(directive.language).toBe("hi");
      expect(directive.assignees).toEqual(assigneesFromSeed(seed));
      expect(directive.dueInDays).toBe(seed.dueInDays ?? null);
      expect(directive.warnings).toEqual([]);
    });
    // The seed's campaign deadline is 2021-10-01 (the eve of the campaign);
    // "2 अक्टूबर तक" says "by 2 October", and "2 अक्टूबर से शुरू" is a start date, not a due date.
    expect(parsed.map((d) => d.dueDate)).toEqual([null, null, null, null, null, null, "2021-10-02", "2021-10-02"]);
  });

  it("reads the English minutes (1. …) into the seed's directives, due dates included", () => {
    const parsed = parseMinutes(ENGLISH_MINUTES, RJ);
    expect(parsed).toHaveLength(8);
    expect(parsed[0].text).toBe("All Collectors and SPs: Publicise the cyber-fraud helpline number widely in the district. Within one month.");
    expect(parsed[6].text).toBe(
      "All District Collectors and the Rural Development and Panchayati Raj Department: Complete preparations for camps at gram panchayat headquarters under 'Prashasan Gaon ke Sang', starting 2 October. Complete by 1 October.",
    );
    parsed.forEach((directive, i) => {
      const seed = seedDirectives[i];
      expect(directive.text).toContain(seed.text.en);
      expect(directive.language).toBe("en");
      expect(directive.assignees).toEqual(assigneesFromSeed(seed));
      expect(directive.dueInDays).toBe(seed.dueInDays ?? null);
      expect(directive.dueDate).toBe(seed.dueAbsolute ?? null);
      expect(directive.warnings).toEqual([]);
    });
  });
});

// --- splitting ---------------------------------------------------------------

describe("splitting into points", () => {
  it.each([
    ["•", "• सभी कलेक्टर प्रचार करें।\n• सभी एसपी निगरानी करें।\n• ऊर्जा विभाग बिल छापे।"],
    ["-", "- सभी कलेक्टर प्रचार करें।\n- सभी एसपी निगरानी करें।\n- ऊर्जा विभाग बिल छापे।"],
    ["*", "* सभी कलेक्टर प्रचार करें।\n* सभी एसपी निगरानी करें।\n* ऊर्जा विभाग बिल छापे।"],
    ["–", "– सभी कलेक्टर प्रचार करें।\n– सभी एसपी निगरानी करें।\n– ऊर्जा विभाग बिल छापे।"],
    ["(क)", "(क) सभी कलेक्टर प्रचार करें।\n(ख) सभी एसपी निगरानी करें।\n(ग) ऊर्जा विभाग बिल छापे।"],
    ["क.", "क. सभी कलेक्टर प्रचार करें।\nख. सभी एसपी निगरानी करें।\nग. ऊर्जा विभाग बिल छापे।"],
    ["(a)", "(a) सभी कलेक्टर प्रचार करें।\n(b) सभी एसपी निगरानी करें।\n(c) ऊर्जा विभाग बिल छापे।"],
    ["a)", "a) सभी कलेक्टर प्रचार करें।\nb) सभी एसपी निगरानी करें।\nc) ऊर्जा विभाग बिल छापे।"],
    ["1)", "1) सभी कलेक्टर प्रचार करें।\n2) सभी एसपी निगरानी करें।\n3) ऊर्जा विभाग बिल छापे।"],
    ["(1)", "(1) सभी कलेक्टर प्रचार करें।\n(2) सभी एसपी निगरानी करें।\n(3) ऊर्जा विभाग बिल छापे।"],
    ["१)", "१) सभी कलेक्टर प्रचार करें।\n२) सभी एसपी निगरानी करें।\n३) ऊर्जा विभाग बिल छापे।"],
  ])("splits a %s list", (_marker, text) => {
    const parsed = parseMinutes(text, RJ);
    expect(parsed.map((d) => d.text)).toEqual(["सभी कलेक्टर प्रचार करें।", "सभी एसपी निगरानी करें।", "ऊर्जा विभाग बिल छापे।"]);
    expect(parsed.map((d) => d.assignees)).toEqual([
      { collectors: "ALL", sps: null, departments: [] },
      { collectors: null, sps: "ALL", departments: [] },
      { collectors: null, sps: null, departments: ["ENERGY"] },
    ]);
  });

  it("ignores a heading before the first marker and joins wrapped lines", () => {
    const parsed = parseMinutes(
      "Minutes\nReview of cyber fraud\n1. All Collectors to publicise\n   the helpline\nin every village.\n2. All SPs to report.",
      RJ,
    );
    expect(parsed.map((d) => d.text)).toEqual(["All Collectors to publicise the helpline in every village.", "All SPs to report."]);
  });

  it("splits on blank lines when there are no markers, dropping a title line", () => {
    const parsed = parseMinutes("कार्यवाही विवरण\n\nसभी जिला कलेक्टर हेल्पलाइन का\nप्रचार करें।\n\n\nसभी पुलिस अधीक्षक कॉल्स की निगरानी करें।\n", RJ);
    expect(parsed.map((d) => d.text)).toEqual(["सभी जिला कलेक्टर हेल्पलाइन का प्रचार करें।", "सभी पुलिस अधीक्षक कॉल्स की निगरानी करें।"]);
  });

  it("keeps a marker-less point without an assignee, with a warning", () => {
    const parsed = parseMinutes("सभी कलेक्टर प्रचार करें।\n\nहेल्पलाइन नंबर का व्यापक प्रचार किया जाए।", RJ);
    expect(parsed).toHaveLength(2);
    expect(parsed[1].warnings).toEqual([WARNING_NO_ASSIGNEE]);
  });

  it("handles CRLF, tabs, NBSP, zero-width characters, a BOM and trailing spaces", () => {
    const text =
      "\uFEFFकार्यवाही विवरण\r\n\r\n1.\tसभी\u00A0जिला कलेक्\u200Dटर\u200B हेल्पलाइन का   \r\n\tप्रचार करें।  \r\n\r\n2.\u00A0पुलिस अधी\u200Cक्षक, जयपुर  30\u00A0दिवस में रिपोर्ट दें।\r\n";
    const parsed = parseMinutes(text, RJ);
    expect(parsed.map((d) => d.text)).toEqual(["सभी जिला कलेक्टर हेल्पलाइन का प्रचार करें।", "पुलिस अधीक्षक, जयपुर 30 दिवस में रिपोर्ट दें।"]);
    expect(parsed[0].assignees.collectors).toBe("ALL");
    expect(parsed[1].assignees.sps).toEqual(["JAIPUR"]);
    expect(parsed[1].dueInDays).toBe(30);
  });

  it("skips empty points", () => {
    const parsed = parseMinutes("1.\n2. सभी कलेक्टर प्रचार करें।\n3.   \n-\n(क)", RJ);
    expect(parsed.map((d) => d.text)).toEqual(["सभी कलेक्टर प्रचार करें।"]);
  });

  it("returns [] for empty or blank input", () => {
    expect(parseMinutes("", RJ)).toEqual([]);
    expect(parseMinutes(" \n\r\n\t\u00A0\u200B\n", RJ)).toEqual([]);
  });

  it("keeps HTML and script as plain text", () => {
    const directive = parseOne('1. <script>alert("x")</script> सभी कलेक्टर <b>रिपोर्ट</b> भेजें & <img src=x onerror=alert(1)>');
    expect(directive.text).toBe('<script>alert("x")</script> सभी कलेक्टर <b>रिपोर्ट</b> भेजें & <img src=x onerror=alert(1)>');
    expect(directive.assignees.collectors).toBe("ALL");
  });

  it("does not take a date or a decimal at the start of a wrapped line for a marker", () => {
    const directive = parseOne("1. सभी कलेक्टर रिपोर्ट\n31.10.2024 तक भेजें, राशि\n2.5 लाख तक।");
    expect(directive.text).toBe("सभी कलेक्टर रिपोर्ट 31.10.2024 तक भेजें, राशि 2.5 लाख तक।");
    expect(directive.dueDate).toBe("2024-10-31");
  });

  it("lets sub-points inherit assignees and due date from a lead-in ending with a colon", () => {
    const parsed = parseMinutes(
      [
        "1. सभी पुलिस अधीक्षक 15 दिवस में निम्न कार्य करें:",
        "   (क) हेल्पलाइन का प्रचार।",
        "   (ख) अजमेर के कलेक्टर के साथ बैठक।",
        "2. ऊर्जा विभाग बिलों पर हेल्पलाइन छापे।",
      ].join("\n"),
      RJ,
    );
    expect(parsed.map((d) => [d.text, d.assignees, d.dueInDays])).toEqual([
      ["हेल्पलाइन का प्रचार।", { collectors: null, sps: "ALL", departments: [] }, 15],
      ["अजमेर के कलेक्टर के साथ बैठक।", { collectors: ["AJMER"], sps: null, departments: [] }, 15],
      ["ऊर्जा विभाग बिलों पर हेल्पलाइन छापे।", { collectors: null, sps: null, departments: ["ENERGY"] }, null],
    ]);
  });

  it("lets the points inherit from a heading line ending with a colon", () => {
    const parsed = parseMinutes("सभी जिला कलेक्टरों को निम्न निर्देश दिए गए:\n1. हेल्पलाइन का प्रचार करें।\n2. शिविर लगाएं।", RJ);
    expect(parsed.map((d) => d.assignees.collectors)).toEqual(["ALL", "ALL"]);
    expect(parsed.map((d) => d.warnings)).toEqual([[], []]);
  });
});

// --- assignees ---------------------------------------------------------------

describe("assignees", () => {
  it.each<[string, ParsedDirective["assignees"]["collectors"], ParsedDirective["assignees"]["sps"]]>([
    ["सभी जिला कलेक्टर प्रचार करें", "ALL", null],
    ["सभी कलेक्टर प्रचार करें", "ALL", null],
    ["समस्त जिला कलक्टर प्रचार करें", "ALL", null],
    ["जिलाधिकारी प्रचार करें", "ALL", null],
    ["all collectors to publicise", "ALL", null],
    ["All District Collectors to publicise", "ALL", null],
    ["DM to publicise", "ALL", null],
    ["all SPs to monitor", null, "ALL"],
    ["सभी पुलिस अधीक्षक निगरानी करें", null, "ALL"],
    ["Superintendent of Police to monitor", null, "ALL"],
    ["एस.पी. निगरानी करें", null, "ALL"],
    ["कलेक्टर एवं एसपी बैठक करें", "ALL", "ALL"],
    ["जयपुर एवं अजमेर के कलेक्टर बैठक करें", ["JAIPUR", "AJMER"], null],
    ["Collectors of Jaipur and Ajmer to hold meetings", ["JAIPUR", "AJMER"], null],
    ["जयपुर, अजमेर एवं कोटा के जिला कलेक्टर एवं पुलिस अधीक्षक बैठक करें", ["JAIPUR", "AJMER", "KOTA"], ["JAIPUR", "AJMER", "KOTA"]],
    ["जिला कलेक्टर जयपुर एवं पुलिस अधीक्षक, अजमेर बैठक करें", ["JAIPUR"], ["AJMER"]],
    ["Jaipur and Kotputli Behror SPs to report", null, ["JAIPUR", "KOTPUTLI_BEHROR"]],
    ["कोटपूतली-बहरोड़ के कलेक्टर रिपोर्ट दें", ["KOTPUTLI_BEHROR"], null],
    ["भीलवाडा एवं सवाई माधोपुर के कलेक्टर रिपोर्ट दें", ["BHILWARA", "SAWAI_MADHOPUR"], null],
    ["Collector, Udaipur and all SPs to report", ["UDAIPUR"], "ALL"],
    ["जयपुर संभाग के सभी कलेक्टर समीक्षा करें", ["JAIPUR", "ALWAR", "DAUSA", "JHUNJHUNU", "SIKAR", "KOTPUTLI_BEHROR", "KHAIRTHAL_TIJARA"], null],
    ["Collectors of Kota division to review", ["KOTA", "BARAN", "BUNDI", "JHALAWAR"], null],
    ["सभी कलेक्टर जयपुर में बैठक में भाग लें", "ALL", null],
    ["कलेक्टर जयपुर विद्युत वितरण निगम के साथ बैठक करें", "ALL", null],
    ["Collector and Ajmer Discom to meet; जयपुर विकास प्राधिकरण के साथ", "ALL", null],
    ["जयपुर में हेल्पलाइन का प्रचार करें", null, null],
    ["DSP, ASP and SPECIAL teams; a wasp nest; GSPs", null, null],
    ["कलेक्ट्रेट में बैठक; Collectorate meeting", null, null],
  ])("%s", (text, collectors, sps) => {
    const directive = parseOne(`1. ${text}`);
    expect(directive.assignees.collectors).toEqual(collectors);
    expect(directive.assignees.sps).toEqual(sps);
  });

  it.each<[string, string[]]>([
    ["DIPR होर्डिंग लगवाए", ["DIPR"]],
    ["सूचना एवं जनसम्पर्क विभाग होर्डिंग लगवाए", ["DIPR"]],
    ["जनसंपर्क होर्डिंग लगवाए", ["DIPR"]],
    ["PHED and discoms to print the helpline on bills", ["PHED", "ENERGY"]],
    ["Collector and Ajmer Discom to meet", ["ENERGY"]],
    ["ऊर्जा एवं जलदाय विभाग बिलों पर छापें", ["ENERGY", "PHED"]],
    ["Energy Department to print", ["ENERGY"]],
    ["DoIT&C to build the portal", ["DOIT"]],
    ["सूचना प्रौद्योगिकी एवं संचार विभाग पोर्टल बनाए", ["DOIT"]],
    ["शिक्षा विभाग शिक्षकों को जागरूक करे", ["EDUCATION"]],
    ["Education to brief teachers", ["EDUCATION"]],
    ["पुलिस मुख्यालय रोडमैप बनाए", ["POLICE_HQ"]],
    ["Police HQ and the DGP to prepare", ["POLICE_HQ"]],
    ["RDPR to hold camps", ["RDPR"]],
    ["ग्रामीण विकास एवं पंचायती राज विभाग शिविर लगाए", ["RDPR"]],
    ["LSG to prepare", ["LSG"]],
    ["स्वायत्त शासन विभाग तैयारी करे", ["LSG"]],
    ["local self-government to prepare", ["LSG"]],
    ["गृह विभाग आदेश जारी करे", ["HOME"]],
    ["Home to issue orders", ["HOME"]],
    ["उपभोक्ता मामले विभाग जागरूक करे", ["CONSUMER_AFFAIRS"]],
    ["Consumer Affairs to run a campaign", ["CONSUMER_AFFAIRS"]],
    ["पुलिस अधीक्षक निगरानी करें", []],
    ["उपभोक्ता बिलों पर हेल्पलाइन छापें", []],
    ["सौर ऊर्जा संयंत्र; home district; do it now; गृह जिले में", []],
  ])("%s", (text, departments) => {
    expect(parseOne(`1. ${text}`).assignees.departments).toEqual(departments);
  });

  it("uses department aliases from the context", () => {
    const context: ParseContext = {
      ...RJ,
      departments: [...RJ.departments, { code: "HEALTH", nameEn: "Medical and Health", nameHi: "चिकित्सा एवं स्वास्थ्य विभाग", aliases: ["NHM"] }],
    };
    expect(parseOne("1. NHM and चिकित्सा एवं स्वास्थ्य to report", context).assignees.departments).toEqual(["HEALTH"]);
  });

  it("offers a short form only for departments the context has", () => {
    const context: ParseContext = { ...RJ, departments: RJ.departments.filter((d) => d.code !== "PHED") };
    const directive = parseOne("1. PHED to print", context);
    expect(directive.assignees.departments).toEqual([]);
    expect(directive.warnings).toEqual([WARNING_NO_ASSIGNEE]);
  });

  it("warns when a division cannot be resolved", () => {
    const context: ParseContext = { ...RJ, divisions: undefined };
    const directive = parseOne("1. जयपुर संभाग के कलेक्टर समीक्षा करें", context);
    expect(directive.assignees.collectors).toBeNull();
    expect(directive.warnings).toEqual(['division "जयपुर" not found; choose its districts by hand', WARNING_NO_ASSIGNEE]);
  });

  it("reads Madhya Pradesh districts from an MP context", () => {
    const MP = contextFor({ state: "MP", meetingDate: "2022-09-13" });
    expect(parseOne("1. इंदौर एवं भोपाल के कलेक्टर एवं पुलिस अधीक्षक बैठक करें", MP).assignees).toEqual({
      collectors: ["INDORE", "BHOPAL"],
      sps: ["INDORE", "BHOPAL"],
      departments: [],
    });
  });
});

// --- due dates ---------------------------------------------------------------

describe("due dates", () => {
  it.each<[string, string | null]>([
    ["2 अक्टूबर तक", "2021-10-02"],
    ["2 अक्टूबर 2021 तक", "2021-10-02"],
    ["२ अक्तूबर तक", "2021-10-02"],
    ["by 2 October", "2021-10-02"],
    ["by 2nd Oct", "2021-10-02"],
    ["by October 2, 2021", "2021-10-02"],
    ["31.10.2024", "2024-10-31"],
    ["31/10/2024", "2024-10-31"],
    ["३१.१०.२०२४ तक", "2024-10-31"],
    ["05-11-21 तक", "2021-11-05"],
    ["2021-12-15 तक", "2021-12-15"],
    ["15 अगस्त तक", "2022-08-15"],
    ["31 अगस्त तक", "2021-08-31"],
    ["5 दिसम्बर तक", "2021-12-05"],
    ["5 दिसंबर तक", "2021-12-05"],
    ["10 सितम्बर तक", "2021-09-10"],
    ["10 नवम्बर तक", "2021-11-10"],
    ["10 फ़रवरी तक", "2022-02-10"],
    ["29 फरवरी तक", "2024-02-29"],
    ["2 अक्टूबर से पूर्व", "2021-10-01"],
    ["before 2 October", "2021-10-01"],
    ["on or before 2 October", "2021-10-02"],
    // Only a start date: the campaign is due to have started on it (with a warning to check it).
    ["2 अक्टूबर से अभियान चलाएं", "2021-10-02"],
    ["starting 2 October", "2021-10-02"],
    // Preparing for it is due the day before.
    ["2 अक्टूबर से शुरू हो रहे अभियान की तैयारी करें", "2021-10-01"],
    ["to prepare for the campaign starting 2 October", "2021-10-01"],
    // A month as the deadline: its last day.
    ["अक्टूबर माह में अभियान चलाएं", "2021-10-31"],
    ["अक्टूबर के अंत तक रिपोर्ट दें", "2021-10-31"],
    ["to run the campaign in October", "2021-10-31"],
    ["by the end of January", "2022-01-31"],
    ["हेल्पलाइन 1930 का प्रचार", null],
    ["31.02.2022 तक", null],
  ])("%s → %s", (phrase, dueDate) => {
    expect(parseOne(`1. सभी कलेक्टर ${phrase}`).dueDate).toBe(dueDate);
  });

  it("prefers a stated deadline to a start date or a bare date", () => {
    const directive = parseOne("1. सभी कलेक्टर 2 अक्टूबर से शुरू अभियान की तैयारी 30 सितंबर तक करें");
    expect(directive.dueDate).toBe("2021-09-30");
    expect(directive.warnings).toEqual([]);
  });

  it("says when the due date was read from a start date", () => {
    expect(parseOne("1. सभी कलेक्टर 2 अक्टूबर से अभियान चलाएं").warnings).toEqual([WARNING_DUE_FROM_START]);
    expect(parseOne("1. सभी कलेक्टर 2 अक्टूबर से शुरू अभियान की तैयारी 30 सितंबर तक करें").warnings).toEqual([]);
  });

  it("warns when the due date is before the meeting", () => {
    const directive = parseOne("1. सभी कलेक्टर 31.07.2021 तक रिपोर्ट भेजें");
    expect(directive.dueDate).toBe("2021-07-31");
    expect(directive.warnings).toEqual([WARNING_DUE_BEFORE_MEETING]);
  });

  it("warns about an impossible date", () => {
    expect(parseOne("1. सभी कलेक्टर 31.02.2022 तक").warnings).toEqual(["31.02.2022 is not a valid date"]);
  });

  it.each<[string, number | null]>([
    ["within 15 days", 15],
    ["within the next 10 days", 10],
    ["in 2 weeks", 14],
    ["within a week", 7],
    ["within one month", 30],
    ["15 दिवस में", 15],
    ["15 दिन के भीतर", 15],
    ["15 दिनों के अन्दर", 15],
    ["१५ दिवस में", 15],
    ["पन्द्रह दिवस में", 15],
    ["एक सप्ताह में", 7],
    ["दो सप्ताह में", 14],
    ["एक माह में", 30],
    ["तीन महीने में", 90],
    ["आगामी 10 दिवस", 10],
    ["समय सीमा: 30 दिवस", 30],
    ["(45 दिवस)", 45],
    ["हर 15 दिन में समीक्षा", null],
    ["every week", null],
    ["इस माह की रिपोर्ट", null],
    ["पिछले 15 दिनों का डाटा", null],
  ])("%s → %s days", (phrase, days) => {
    const directive = parseOne(`1. सभी कलेक्टर ${phrase}`);
    expect(directive.dueInDays).toBe(days);
    expect(directive.dueDate).toBeNull();
  });
});

describe("language", () => {
  it.each<[string, "hi" | "en"]>([
    ["सभी कलेक्टर हेल्पलाइन 1930 का प्रचार करें", "hi"],
    ["All Collectors to publicise helpline 1930", "en"],
    ["सभी कलेक्टर Instagram, Facebook एवं X पर प्रचार करें", "hi"],
    ["All SPs to meet the व्यापारी संघ", "en"],
  ])("%s → %s", (text, language) => {
    expect(parseOne(`1. ${text}`).language).toBe(language);
  });
});

// --- size and robustness -----------------------------------------------------

describe("large and hostile input", () => {
  it("parses 10,000 lines", () => {
    // Numbering restarts every 100 points, as in sectioned minutes; markers have at most three digits.
    const marker = (i: number) => (i % 3 === 0 ? "•" : i % 3 === 1 ? `${i % 100}.` : `(${(i % 100) + 1})`);
    const lines: string[] = [];
    for (let i = 1; i <= 5000; i++) {
      if (i % 2 === 0) lines.push(`${marker(i)} Collectors of Jaipur and Ajmer to publicise helpline ${i}`, `   in every village within 15 days.`);
      else lines.push(`${marker(i)} सभी पुलिस अधीक्षक एवं ऊर्जा विभाग अभियान ${i} की रिपोर्ट`, `2 अक्टूबर तक भेजें।`);
    }
    expect(lines).toHaveLength(10_000);
    const parsed = parseMinutes(lines.join("\n"), RJ);
    expect(parsed).toHaveLength(5000);
    expect(parsed[1]).toEqual({
      text: "Collectors of Jaipur and Ajmer to publicise helpline 2 in every village within 15 days.",
      language: "en",
      assignees: { collectors: ["JAIPUR", "AJMER"], sps: null, departments: [] },
      dueDate: null,
      dueInDays: 15,
      warnings: [],
    });
    expect(parsed[4998]).toEqual({
      text: "सभी पुलिस अधीक्षक एवं ऊर्जा विभाग अभियान 4999 की रिपोर्ट 2 अक्टूबर तक भेजें।",
      language: "hi",
      assignees: { collectors: null, sps: "ALL", departments: ["ENERGY"] },
      dueDate: "2021-10-02",
      dueInDays: null,
      warnings: [],
    });
    expect(parsed.every((d, i) => d.text.includes(String(i + 1)))).toBe(true);
  });

  it("survives long runs of separators, digits and place names", () => {
    const hostile = [
      `1. ${"जयपुर, ".repeat(5000)}अजमेर के कलेक्टर`,
      `2. ${"1.".repeat(5000)} ${"(".repeat(3000)} ${"- ".repeat(3000)}`,
      `3. ${"31/".repeat(5000)} ${"by ".repeat(3000)}${"15 ".repeat(3000)}days`,
    ].join("\n");
    const parsed = parseMinutes(hostile, RJ);
    expect(parsed).toHaveLength(3);
    expect(parsed[0].assignees.collectors).toEqual(["JAIPUR", "AJMER"]);
    expect(parsed[2].dueInDays).toBeNull();
  });

  it("never throws and always returns trimmed, non-empty texts", () => {
    const pieces = fc.constantFrom(
      "1.",
      "१.",
      "(क)",
      "-",
      "•",
      "\n",
      "\r\n",
      " ",
      "\u00A0",
      "\u200B",
      "सभी",
      "कलेक्टर",
      "एसपी",
      "जयपुर",
      "एवं",
      "के",
      "2 अक्टूबर",
      "तक",
      "15 दिवस में",
      "by",
      "31.10.2024",
      ":",
      "Collectors of",
      "Ajmer",
      "division",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 40 }), (parts) => {
        const parsed = parseMinutes(parts.join(""), RJ);
        for (const directive of parsed) {
          expect(directive.text).not.toBe("");
          expect(directive.text).toBe(directive.text.trim());
        }
      }),
      { numRuns: 300 },
    );
  });
});

// --- prose, furniture and what was left out ---------------------------------------------

describe("prose minutes and press notes", () => {
  const split = (text: string, context: ParseContext = RJ) => splitMinutes(text, context);

  it("keeps the instructions of a paragraph and says why the rest was left out", () => {
    const result = split(
      [
        "साइबर ठगी पर बैठक",
        "",
        "जयपुर, 27 सितंबर। मुख्य सचिव ने साइबर ठगी की समीक्षा की। उन्होंने बताया कि शिकायतें बढ़ी हैं। उन्होंने सभी जिला कलक्टरों को हेल्पलाइन का प्रचार करने के निर्देश दिए।",
        "",
        "पढ़ें : ठगी से ऐसे बचें",
        "बैठक में शासन सचिव सूचना प्रौद्योगिकी उपस्थित रहे।",
        "© 2024 सर्वाधिकार सुरक्षित",
      ].join("\n"),
    );
    expect(result.directives.map((d) => d.text)).toEqual(["सभी जिला कलक्टरों को हेल्पलाइन का प्रचार करने के निर्देश दिए।"]);
    expect(result.directives[0].assignees.collectors).toBe("ALL");
    expect(result.dropped.map((d) => d.reason)).toEqual(["furniture", "furniture", "furniture", "heading", "narrative", "narrative", "attendance"]);
    expect(result.attendeeDepartments).toEqual(["DOIT"]);
  });

  it("cuts one sentence that instructs several offices into one directive each", () => {
    const result = split(
      "उन्होंने सूचना एवं जनसंपर्क विभाग को होर्डिंग्स लगवाने, ऊर्जा विभाग एवं पीएचईडी को बिलों पर नंबर छापने तथा शिक्षा विभाग को शिक्षकों को जागरूक करने के निर्देश दिए।",
    );
    expect(result.directives.map((d) => [d.text, d.assignees.departments])).toEqual([
      ["सूचना एवं जनसंपर्क विभाग को होर्डिंग्स लगवाने के निर्देश दिए।", ["DIPR"]],
      ["ऊर्जा विभाग एवं पीएचईडी को बिलों पर नंबर छापने के निर्देश दिए।", ["ENERGY", "PHED"]],
      ["शिक्षा विभाग को शिक्षकों को जागरूक करने के निर्देश दिए।", ["EDUCATION"]],
    ]);
  });

  it("does the same in English", () => {
    const result = split("He directed the DIPR to put up hoardings, the Energy Department to print the number on bills and the PHED to do the same.");
    expect(result.directives.map((d) => d.assignees.departments)).toEqual([["DIPR"], ["ENERGY"], ["PHED"]]);
  });

  it("does not cut where the second office is only told about", () => {
    const result = split("मुख्य सचिव ने कलेक्टरों को निर्देश दिए कि वे एसपी को साप्ताहिक रिपोर्ट दें।");
    expect(result.directives).toHaveLength(1);
  });

  it("never proposes the chair's department, whether read from the text or the meeting's chair", () => {
    const fromText = split("अतिरिक्त मुख्य सचिव गृह की अध्यक्षता में बैठक आयोजित हुई। गृह विभाग एवं सभी एसपी गश्त बढ़ाएं।");
    expect(fromText.chairDepartments).toEqual(["HOME"]);
    expect(fromText.directives[0].assignees).toEqual({ collectors: null, sps: "ALL", departments: [] });
    expect(fromText.directives[0].warnings).toContain(WARNING_CHAIR_DEPARTMENT);
    const fromForm = split("1. ऊर्जा विभाग बिल छापे।", { ...RJ, chair: "ऊर्जा मंत्री" });
    expect(fromForm.directives[0].assignees.departments).toEqual([]);
  });

  it("drops the attendance block of a minutes letter, numbered or not", () => {
    const result = split("उपस्थिति:\n1. समस्त जिला कलक्टर\n2. समस्त पुलिस अधीक्षक\n\nनिर्णय:\n1. सभी एसपी गश्त बढ़ाएं।");
    expect(result.directives.map((d) => d.text)).toEqual(["सभी एसपी गश्त बढ़ाएं।"]);
    expect(result.dropped.filter((d) => d.reason === "attendance")).toHaveLength(3);
  });

  it("drops a repeated paragraph as a duplicate", () => {
    const paragraph = "सभी कलेक्टर हेल्पलाइन का प्रचार करें।";
    const result = split(`${paragraph}\n\n${paragraph}`);
    expect(result.directives).toHaveLength(1);
    expect(result.dropped).toEqual([{ text: paragraph, reason: "duplicate" }]);
  });

  it.each<[string, "collectors" | "sps" | "departments"]>([
    ["PHED", "departments"],
    ["पीएचईडी", "departments"],
    ["जलदाय विभाग", "departments"],
    ["DIPR", "departments"],
    ["सूचना एवं जनसंपर्क विभाग", "departments"],
    ["Collector", "collectors"],
    ["कलक्टर", "collectors"],
    ["कलेक्टर", "collectors"],
    ["SP", "sps"],
    ["पुलिस अधीक्षक", "sps"],
    ["एसपी", "sps"],
  ])("recognises %s", (name, field) => {
    const directive = parseOne(`1. ${name} रिपोर्ट भेजें।`);
    expect(directive.assignees[field]).not.toEqual(field === "departments" ? [] : null);
  });

  it.each(["Divisional Commissioner", "संभागीय आयुक्त", "IG", "पुलिस महानिरीक्षक"])("recognises %s as a divisional officer, not a district's", (name) => {
    const directive = parseOne(`1. ${name} रिपोर्ट भेजें।`);
    expect(directive.assignees).toEqual({ collectors: null, sps: null, departments: [] });
    expect(directive.warnings).toContain(WARNING_DIVISION_ROLE);
  });
});
