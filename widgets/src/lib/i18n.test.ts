import { describe, expect, it } from 'vitest';
import { langOf } from './i18n.ts';
import { messages } from './messages.ts';

describe('language', () => {
  it('is Vietnamese unless the lang attribute asks for English', () => {
    expect(langOf(null)).toBe('vi');
    expect(langOf('')).toBe('vi');
    expect(langOf('vi-VN')).toBe('vi');
    expect(langOf('fr')).toBe('vi');
    expect(langOf('en')).toBe('en');
    expect(langOf('EN-gb')).toBe('en');
  });

  it("words the article's figures the way the article does", () => {
    const vi = messages('vi');
    expect(vi.newMembers('252', 252)).toBe('252 đảng viên mới');
    expect(vi.figures('4', '3', '60', '7')).toBe('4 đảng viên, 3 trên 60 tuổi, 7 năm chưa kết nạp');
    expect(vi.atRiskCount(6, 4)).toBe('6 chi bộ thuộc 4 xã');
    expect(vi.grassrootsTotal('82', 82)).toBe('82 tổ chức cơ sở đảng');
    // Đề án 01/ĐA-TU/2016: "khối, xóm, bản chưa có chi bộ, chưa có đảng viên … nguy cơ không còn chi bộ".
    expect(vi.hamletsOf(vi.concerns.CELL_AT_RISK)).toBe('Khối, xóm, bản nguy cơ không còn chi bộ');
  });

  it('makes English plurals agree', () => {
    const en = messages('en');
    expect(en.newMembers('1', 1)).toBe('1 new member');
    expect(en.atRiskCount(6, 1)).toBe('6 cells in 1 commune');
    expect(en.cells(24)).toBe('grassroots cells');
    expect(en.hamletsTotal('1', 1)).toBe('1 hamlet');
    expect(en.residents('2', 2)).toBe('2 members living there');
  });

  it('has every message in both languages', () => {
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(messages('en'))).toEqual(keys(messages('vi')));
    expect(keys(messages('en').pace)).toEqual(keys(messages('vi').pace));
    expect(keys(messages('en').concerns)).toEqual(keys(messages('vi').concerns));
  });
});
