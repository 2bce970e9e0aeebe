import { periodTexts, unitsInline } from './period-texts';

describe(unitsInline.name, () => {
  test('when there are one to five units, then all are named, the last after "och"', () => {
    expect(unitsInline(['Regionstyrelsen'], 'sv')).toBe('Regionstyrelsen');
    expect(unitsInline(['HSN', 'RS'], 'sv')).toBe('HSN och RS');
    expect(unitsInline(['HSN', 'RS', 'RUN'], 'en')).toBe('HSN, RS and RUN');
  });

  test('when there are more than five, then four are named and the rest counted', () => {
    expect(unitsInline(['A', 'B', 'C', 'D', 'E', 'F', 'G'], 'sv')).toBe('A, B, C, D och 3 till');
  });
});

describe("the coordinator's texts for öppna period", () => {
  const sv = periodTexts('sv');

  test("when the period is already open, then the body says so and that only owners without a card get one, with the facts' numbers", () => {
    const body = sv.confirmBody({ alreadyOpen: true, owners: 3, toSend: 1, had: 1, unreachable: 1 }, ['Regionstyrelsen']);
    expect(body).toBe(
      'Perioden är redan öppen för Regionstyrelsen. Bara målägare som inte har fått sitt kort får ett nu: 1 av 3. 1 är ej nåbara: de har inte installerat Utfall i Teams och får sitt kort när de gör det.',
    );
  });

  test('when the count changed between the confirmation and the click, then the answer says so', () => {
    const body = sv.openedBody({ alreadyOpen: false, owners: 4, toSend: 3, had: 0, unreachable: 1, shown: 2 }, ['HSN', 'RS']);
    expect(body).toContain('3 kort skickas nu till målägarna i HSN och RS');
    expect(body).toContain('Antalet har ändrats sedan bekräftelsen visades (då 2, nu 3).');
  });

  test('when some owners could not be reached, then the report names the units and counts only those whose card arrived', () => {
    expect(sv.fanoutReport('Delår per april 2022', ['HSN', 'RS', 'RUN'], 2, 3, ['Nina Nåbar'], 0)).toBe(
      'Delår per april 2022 (HSN, RS och RUN): 2 av 3 målägare har fått sitt kort. Ej nåbara (1): Nina Nåbar. De får sitt kort så snart de installerar Utfall.',
    );
    expect(sv.fanoutReport('Delår per april 2022', ['RS'], 4, 4, [], 0)).toBe(
      'Delår per april 2022 (RS): alla 4 målägare har fått sitt kort.',
    );
  });
});
