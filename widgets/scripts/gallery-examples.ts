// The live examples the gallery shows for each element (its reference comes from the manifest).
export interface Example {
  title: string;
  html: string;
}

const org = 'org="thanh-chuong"';

export const examples: Record<string, Example[]> = {
  'ketnap-progress': [
    {
      title: 'Seven months against the year’s quota',
      html: `<ketnap-progress ${org} from="2017-01-01" to="2017-07-31"></ketnap-progress>`,
    },
    {
      title: 'In English',
      html: `<ketnap-progress ${org} from="2017-01-01" to="2017-12-31" lang="en"></ketnap-progress>`,
    },
    {
      title: 'Dark whatever the reader’s system says, with the source named',
      html: `<ketnap-progress ${org} from="2017-01-01" to="2017-07-31" theme="dark" source="Ban Tổ chức Huyện ủy Thanh Chương"></ketnap-progress>`,
    },
  ],
  'ketnap-at-risk': [
    {
      title: 'At risk on 1 January, recovered by 31 July',
      html: `<ketnap-at-risk ${org} as-of="2017-01-01" recovered-to="2017-07-31"></ketnap-at-risk>`,
    },
    {
      title: 'Without recovered-to, in English',
      html: `<ketnap-at-risk ${org} as-of="2017-01-01" lang="en"></ketnap-at-risk>`,
    },
    {
      title: 'At most three cells (the height is reserved for three)',
      html: `<ketnap-at-risk ${org} as-of="2017-01-01" recovered-to="2017-07-31" max-items="3"></ketnap-at-risk>`,
    },
  ],
  'ketnap-trend': [
    {
      title: 'Admissions per month in 2017',
      html: `<ketnap-trend ${org} from="2017-01-01" to="2017-12-31"></ketnap-trend>`,
    },
    {
      title: 'First seven months, in English',
      html: `<ketnap-trend ${org} from="2017-01-01" to="2017-07-31" lang="en"></ketnap-trend>`,
    },
  ],
  'ketnap-grassroots': [
    { title: '82 = 40 + 18 + 24', html: `<ketnap-grassroots ${org} as-of="2017-07-31"></ketnap-grassroots>` },
    { title: 'In English', html: `<ketnap-grassroots ${org} as-of="2017-07-31" lang="en"></ketnap-grassroots>` },
    {
      title: 'Light whatever the reader’s system says, without the source line',
      html: `<ketnap-grassroots ${org} as-of="2017-07-31" theme="light" hide-source></ketnap-grassroots>`,
    },
  ],
  'ketnap-hamlets': [
    {
      title: 'Đề án 01/ĐA-TU/2016’s three kinds of hamlet on 1 January, and the six whose cell is at risk',
      html: `<ketnap-hamlets ${org} as-of="2017-01-01" concern="cell-at-risk"></ketnap-hamlets>`,
    },
    {
      title: 'The three counts alone, in English',
      html: `<ketnap-hamlets ${org} as-of="2017-01-01" lang="en"></ketnap-hamlets>`,
    },
    {
      title: 'The first three of the hamlets without a cell (the height is reserved for three)',
      html: `<ketnap-hamlets ${org} as-of="2017-01-01" concern="without-cell" max-items="3"></ketnap-hamlets>`,
    },
  ],
};

/** Shown once, after the elements: theming and the states that are not data. */
export const extras: Example[] = [
  {
    title: 'Themed with CSS custom properties and ::part (see the page’s stylesheet)',
    html: `<ketnap-progress class="themed" ${org} from="2017-01-01" to="2017-07-31"></ketnap-progress>`,
  },
  {
    title: 'Error state: the API cannot be reached',
    html: `<ketnap-progress ${org} from="2017-01-01" to="2017-07-31" api="https://ketnap.invalid"></ketnap-progress>`,
  },
  {
    title: 'Empty state: no figures for the selection (before the district existed)',
    html: `<ketnap-grassroots ${org} as-of="1930-01-01"></ketnap-grassroots>`,
  },
  {
    title: 'An author’s mistake: a date that does not exist (also named in the console)',
    html: `<ketnap-progress ${org} from="2017-13-01" to="2017-07-31"></ketnap-progress>`,
  },
  {
    title: 'An author’s mistake: an organisation code that does not exist',
    html: `<ketnap-grassroots org="khong-co" as-of="2017-07-31"></ketnap-grassroots>`,
  },
];
