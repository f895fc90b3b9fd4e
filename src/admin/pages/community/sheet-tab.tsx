import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { MAX_SHEET_BYTES, SHEET_COLUMNS, type ImportReply, type RowOutcome } from '@core';
import { asApiError, exportHouseholdSheet, importHouseholdSheet, pickSheetFile, saveFile, type PickedFile } from '@/api';
import { Button } from '@/components/nut/button';
import { showFailure, toastOk } from '@/hooks/feedback';

const OUTCOME_TEXT: Readonly<Record<RowOutcome, string>> = { new: '新增', update: '更新', same: '无变化', problem: '有问题' };

/** 表格导入导出: pick a sheet, read the dry run's row-by-row table, then confirm; or export the same list. */
export function SheetTab({ onImported }: { readonly onImported: () => void }) {
  const [file, setFile] = useState<PickedFile | null>(null);
  const [dry, setDry] = useState<ImportReply | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const pick = async () => {
    setError('');
    const picked = await pickSheetFile();
    if (!picked) return;
    if (picked.size > MAX_SHEET_BYTES) return setError('文件超过1MB，请分成几个表格导入');
    setFile(picked);
    setDry(null);
    setBusy(true);
    try {
      setDry(await importHouseholdSheet(picked.name, picked.base64, true));
    } catch (e) {
      setError(asApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  const confirm = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const done = await importHouseholdSheet(file.name, file.base64, false);
      toastOk(`已导入${done.counts.new + done.counts.update}行`);
      setFile(null);
      setDry(null);
      onImported();
    } catch (e) {
      showFailure(asApiError(e), '没有导入');
    } finally {
      setBusy(false);
    }
  };
  const download = async (format: 'csv' | 'xlsx') => {
    try {
      await saveFile(await exportHouseholdSheet(format));
    } catch (e) {
      showFailure(asApiError(e));
    }
  };
  const problems = dry?.counts.problem ?? 0;
  const changes = dry ? dry.counts.new + dry.counts.update : 0;
  return (
    <View>
      <View className="card">
        <Text className="card-title">导入楼栋、住户和居民</Text>
        <Text className="muted manage-hint">
          xlsx 或 csv，第1行为表头：{SHEET_COLUMNS.join('、')}
          。小区、楼栋、住户、居民没有的会新增（预览先列出要新建的小区），已有的（同一小区楼栋门牌、同一电话）会更新，不会重复。先预览每一行，确认后才写入。
        </Text>
        <Button type="primary" block loading={busy && !dry} disabled={busy} onClick={() => void pick()}>
          {file ? '重新选择表格' : '选择表格文件'}
        </Button>
        {error ? <Text className="field-error">{error}</Text> : null}
      </View>
      {dry && file ? (
        <View className="card">
          <Text className="card-title">预览：{file.name}</Text>
          {dry.newCompounds.length > 0 ? (
            <View className="sheet-new-compounds">
              <Text className="sheet-new-compounds-title">将新建小区：{dry.newCompounds.join('、')}</Text>
              <Text className="muted">
                由{dry.newCompoundsCompany ?? '物业公司'}服务，导入后可在“小区与楼栋”中改名或更换物业公司。名称写错的，请改正表格后重新选择。
              </Text>
            </View>
          ) : null}
          {dry.sheetProblem ? (
            <Text className="field-error">{dry.sheetProblem}</Text>
          ) : (
            <Text className={problems ? 'field-error' : 'muted'}>
              新增 {dry.counts.new} 行 · 更新 {dry.counts.update} 行 · 无变化 {dry.counts.same} 行 · 有问题 {problems} 行
              {problems ? '：请改正表格后重新选择，有问题时不会导入任何一行' : ''}
            </Text>
          )}
          <View className="sheet-table">
            {[...dry.rows]
              .sort((a, b) => Number(b.outcome === 'problem') - Number(a.outcome === 'problem') || a.line - b.line)
              .map((r) => (
                <View key={r.line} className={`sheet-row ${r.outcome}`}>
                  <Text className="sheet-line">第{r.line}行</Text>
                  <View className="sheet-what">
                    <Text>
                      {r.compound}
                      {r.building}
                      {r.door} {r.name} {r.phone}
                    </Text>
                    {r.problems.map((p) => (
                      <Text key={p} className="field-error">
                        {p}
                      </Text>
                    ))}
                  </View>
                  <Text className={`sheet-outcome ${r.outcome}`}>{OUTCOME_TEXT[r.outcome]}</Text>
                </View>
              ))}
          </View>
          <Button
            type="primary"
            block
            loading={busy}
            disabled={busy || problems > 0 || dry.sheetProblem !== null || changes === 0}
            onClick={() => void confirm()}
          >
            {changes === 0 && !problems ? '没有需要导入的变化' : `确认导入（${changes}行）`}
          </Button>
        </View>
      ) : null}
      <View className="card">
        <Text className="card-title">导出住户与居民</Text>
        <Text className="muted manage-hint">导出的表格与导入格式相同，改好后可直接重新导入。</Text>
        <View className="manage-actions">
          <Button onClick={() => void download('csv')}>导出 CSV</Button>
          <Button type="primary" onClick={() => void download('xlsx')}>
            导出 Excel
          </Button>
        </View>
      </View>
    </View>
  );
}
